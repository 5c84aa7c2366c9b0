/*
 * sse-sink: the idle-stream side of bench scenarios 4 and 5, in C.
 *
 * It holds thousands of SSE streams open on plain sockets and times a broadcast by the kernel's
 * receive timestamps (SO_TIMESTAMPNS) rather than by when a load generator got round to reading
 * each socket. The TypeScript harness prepares every byte it sends; this program only connects,
 * writes, reads and times.
 *
 * Usage: sse-sink <host> <port>; then commands on stdin, one JSON line per command on stdout:
 *
 *   stream <len>\n<len bytes>        queue one stream: the exact GET request text
 *   open <timeout-ms>\n              connect every queued stream, send its request, wait for 2xx
 *                                    headers: {"type":"opened","streams":n,"failed":n,...}
 *   round <timeout-ms> <token-len> <post-len>\n<token><post>
 *                                    send the POST, read its answer, then collect the token on
 *                                    every open stream: {"type":"round",...}
 *   quit\n (or end of input)         close everything and exit
 *
 * A round: drain what the streams hold, take CLOCK_REALTIME, write the POST on a fresh
 * connection, read its answer, then read the streams. Reading waits until the POST is answered
 * and then goes in batches every few milliseconds, so the sink takes almost no CPU while the
 * server writes; the arrival time of a stream is the kernel's receive timestamp of the data that
 * carried the token, not the time it was read.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define READ_SIZE 65536
#define HEAD_MAX 16384
#define TOKEN_MAX 200
#define SETUP_CONCURRENCY 128
#define BODY_KEEP 65536
#define COLLECT_EVERY_NS 5000000L

enum { PENDING, CONNECTING, HEADERS, OPEN, CLOSED };

typedef struct {
  int fd;
  int state;
  char *request;
  size_t request_len;
  size_t sent;
  char *head;
  size_t head_len;
  uint32_t seen_round;
  uint32_t open_round;
  uint8_t tail_len;
  char tail[TOKEN_MAX];
  int64_t arrival_ns;
} Stream;

static Stream *streams;
static size_t stream_count, stream_capacity;
static struct sockaddr_in address;
static int setup_ep, stream_ep;
static uint32_t round_number;
static char token[TOKEN_MAX + 1];
static size_t token_len;
static char read_buffer[READ_SIZE];
static char first_error[512];
static long fallback_timestamps;

static int64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int64_t mono_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void fail_note(const char *format, ...) {
  if (first_error[0] != '\0') return;
  va_list args;
  va_start(args, format);
  vsnprintf(first_error, sizeof first_error, format, args);
  va_end(args);
}

/* Writes `text` as a JSON string literal. */
static void json_string(const char *text, size_t length) {
  putchar('"');
  for (size_t index = 0; index < length; index++) {
    unsigned char c = (unsigned char)text[index];
    if (c == '"' || c == '\\') {
      putchar('\\');
      putchar(c);
    } else if (c < 0x20 || c == 0x7f) {
      printf("\\u%04x", c);
    } else {
      putchar(c);
    }
  }
  putchar('"');
}

static void die(const char *message) {
  printf("{\"type\":\"error\",\"message\":");
  json_string(message, strlen(message));
  printf("}\n");
  fflush(stdout);
  exit(1);
}

static int new_socket(void) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  /* The kernel stamps every segment this socket receives with the time it was received. */
  setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
  return fd;
}

/*
 * recvmsg with the receive timestamp. For TCP the kernel reports the timestamp of the last
 * segment this call copied. Returns the byte count (0 at end of stream, -1 with errno).
 */
static ssize_t read_stamped(int fd, int64_t *stamp_ns) {
  char control[CMSG_SPACE(sizeof(struct timespec)) * 2];
  struct iovec io = {.iov_base = read_buffer, .iov_len = READ_SIZE};
  struct msghdr message = {
      .msg_iov = &io, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
  ssize_t bytes = recvmsg(fd, &message, 0);
  if (bytes <= 0) return bytes;
  *stamp_ns = 0;
  for (struct cmsghdr *cmsg = CMSG_FIRSTHDR(&message); cmsg != NULL;
       cmsg = CMSG_NXTHDR(&message, cmsg)) {
    if (cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SCM_TIMESTAMPNS) {
      struct timespec ts;
      memcpy(&ts, CMSG_DATA(cmsg), sizeof ts);
      *stamp_ns = (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
    }
  }
  if (*stamp_ns == 0) {
    fallback_timestamps++;
    *stamp_ns = now_ns();
  }
  return bytes;
}

/* ---------------------------------------------------------------------------------------------
 * Opening streams
 */

static void close_stream(Stream *stream) {
  if (stream->fd >= 0) close(stream->fd);
  stream->fd = -1;
  stream->state = CLOSED;
  free(stream->head);
  stream->head = NULL;
}

static void setup_failed(Stream *stream, const char *why) {
  fail_note("%s", why);
  close_stream(stream);
}

static int start_connect(Stream *stream, uint32_t index) {
  int fd = new_socket();
  if (fd < 0) {
    setup_failed(stream, "socket() failed (open-file limit?)");
    return -1;
  }
  stream->fd = fd;
  stream->state = CONNECTING;
  stream->sent = 0;
  if (connect(fd, (struct sockaddr *)&address, sizeof address) < 0 && errno != EINPROGRESS) {
    setup_failed(stream, "connect() failed");
    return -1;
  }
  struct epoll_event event = {.events = EPOLLOUT, .data.u32 = index};
  epoll_ctl(setup_ep, EPOLL_CTL_ADD, fd, &event);
  return 0;
}

/* Progress of one stream being set up; returns 1 when it left the set-up (open or failed). */
static int setup_step(Stream *stream, uint32_t index) {
  if (stream->state == CONNECTING) {
    int error = 0;
    socklen_t length = sizeof error;
    getsockopt(stream->fd, SOL_SOCKET, SO_ERROR, &error, &length);
    if (error != 0) {
      fail_note("connect: %s", strerror(error));
      close_stream(stream);
      return 1;
    }
    while (stream->sent < stream->request_len) {
      ssize_t written =
          write(stream->fd, stream->request + stream->sent, stream->request_len - stream->sent);
      if (written < 0) {
        if (errno == EAGAIN) return 0;
        setup_failed(stream, "write of the GET request failed");
        return 1;
      }
      stream->sent += (size_t)written;
    }
    stream->state = HEADERS;
    stream->head = malloc(HEAD_MAX);
    stream->head_len = 0;
    struct epoll_event event = {.events = EPOLLIN, .data.u32 = index};
    epoll_ctl(setup_ep, EPOLL_CTL_MOD, stream->fd, &event);
    return 0;
  }
  for (;;) {
    ssize_t bytes = read(stream->fd, stream->head + stream->head_len, HEAD_MAX - stream->head_len);
    if (bytes < 0 && errno == EAGAIN) return 0;
    if (bytes <= 0) {
      setup_failed(stream, "the connection closed before the response headers");
      return 1;
    }
    stream->head_len += (size_t)bytes;
    char *end = memmem(stream->head, stream->head_len, "\r\n\r\n", 4);
    if (end == NULL) {
      if (stream->head_len == HEAD_MAX) {
        setup_failed(stream, "response headers too large");
        return 1;
      }
      continue;
    }
    int status = 0;
    if (sscanf(stream->head, "HTTP/1.%*d %d", &status) != 1 || status < 200 || status >= 300) {
      char *line_end = memchr(stream->head, '\r', stream->head_len);
      size_t line = line_end == NULL ? 0 : (size_t)(line_end - stream->head);
      size_t body = stream->head_len - (size_t)(end + 4 - stream->head);
      fail_note("GET answered %.*s: %.*s", (int)(line < 100 ? line : 100), stream->head,
                (int)(body < 200 ? body : 200), end + 4);
      close_stream(stream);
      return 1;
    }
    epoll_ctl(setup_ep, EPOLL_CTL_DEL, stream->fd, NULL);
    free(stream->head);
    stream->head = NULL;
    stream->state = OPEN;
    struct epoll_event event = {.events = EPOLLIN | EPOLLRDHUP, .data.u32 = index};
    epoll_ctl(stream_ep, EPOLL_CTL_ADD, stream->fd, &event);
    return 1;
  }
}

static void command_open(long timeout_ms) {
  int64_t deadline = mono_ms() + timeout_ms;
  size_t next = 0, in_flight = 0, opened = 0, failed = 0;
  struct epoll_event events[256];
  first_error[0] = '\0';
  while (next < stream_count && streams[next].state != PENDING) next++;
  for (;;) {
    while (in_flight < SETUP_CONCURRENCY && next < stream_count) {
      if (streams[next].state == PENDING) {
        if (start_connect(&streams[next], (uint32_t)next) == 0)
          in_flight++;
        else
          failed++;
      }
      next++;
    }
    if (in_flight == 0) break;
    int64_t left = deadline - mono_ms();
    if (left <= 0) break;
    int ready = epoll_wait(setup_ep, events, 256, (int)(left < 1000 ? left : 1000));
    for (int index = 0; index < ready; index++) {
      uint32_t which = events[index].data.u32;
      Stream *stream = &streams[which];
      if (stream->state != CONNECTING && stream->state != HEADERS) continue;
      if (setup_step(stream, which)) {
        in_flight--;
        if (stream->state == OPEN)
          opened++;
        else
          failed++;
      }
    }
  }
  size_t open_now = 0;
  for (size_t index = 0; index < stream_count; index++) {
    Stream *stream = &streams[index];
    if (stream->state == CONNECTING || stream->state == HEADERS) {
      fail_note("timed out waiting for the response headers");
      close_stream(stream);
      failed++;
    }
    if (stream->state == OPEN) open_now++;
  }
  printf("{\"type\":\"opened\",\"opened\":%zu,\"failed\":%zu,\"streams\":%zu", opened, failed,
         open_now);
  if (first_error[0] != '\0') {
    printf(",\"error\":");
    json_string(first_error, strlen(first_error));
  }
  printf("}\n");
  fflush(stdout);
}

/* ---------------------------------------------------------------------------------------------
 * Broadcast rounds
 */

/* Looks for the round's token in one read of a stream, including across two reads. */
static int token_seen(Stream *stream, const char *bytes, size_t length) {
  if (stream->seen_round == round_number || token_len == 0) return 0;
  if (memmem(bytes, length, token, token_len) != NULL) return 1;
  if (stream->tail_len > 0) {
    char joint[2 * TOKEN_MAX];
    size_t head = length < token_len - 1 ? length : token_len - 1;
    memcpy(joint, stream->tail, stream->tail_len);
    memcpy(joint + stream->tail_len, bytes, head);
    if (memmem(joint, stream->tail_len + head, token, token_len) != NULL) return 1;
  }
  size_t keep = token_len - 1;
  if (length >= keep) {
    memcpy(stream->tail, bytes + length - keep, keep);
    stream->tail_len = (uint8_t)keep;
  } else {
    size_t old = stream->tail_len + length > keep ? stream->tail_len + length - keep : 0;
    memmove(stream->tail, stream->tail + old, stream->tail_len - old);
    memcpy(stream->tail + stream->tail_len - old, bytes, length);
    stream->tail_len = (uint8_t)(stream->tail_len - old + length);
  }
  return 0;
}

/* Reads every stream that has data; returns how many saw the token. */
static size_t collect(int timeout_ms) {
  struct epoll_event events[1024];
  size_t seen = 0;
  for (;;) {
    int ready = epoll_wait(stream_ep, events, 1024, timeout_ms);
    if (ready <= 0) return seen;
    timeout_ms = 0;
    for (int index = 0; index < ready; index++) {
      Stream *stream = &streams[events[index].data.u32];
      if (stream->state != OPEN) continue;
      for (;;) {
        int64_t stamp = 0;
        ssize_t bytes = read_stamped(stream->fd, &stamp);
        if (bytes < 0 && errno == EAGAIN) break;
        if (bytes <= 0) {
          epoll_ctl(stream_ep, EPOLL_CTL_DEL, stream->fd, NULL);
          close_stream(stream);
          break;
        }
        if (token_seen(stream, read_buffer, (size_t)bytes)) {
          stream->seen_round = round_number;
          stream->arrival_ns = stamp;
          seen++;
        }
        if (bytes < READ_SIZE) break;
      }
    }
  }
}

typedef struct {
  char *data;
  size_t length;
  int64_t done_ns;
  int status;
  int complete;
  char content_type[128];
  char *body;
  size_t body_length;
  int body_owned;
} Answer;

static int header_value(const char *head, size_t length, const char *name, char *out, size_t max) {
  size_t name_len = strlen(name);
  const char *line = memchr(head, '\n', length);
  while (line != NULL && (size_t)(line - head) + 1 < length) {
    line++;
    size_t left = length - (size_t)(line - head);
    if (left > name_len && strncasecmp(line, name, name_len) == 0 && line[name_len] == ':') {
      const char *value = line + name_len + 1;
      while (*value == ' ') value++;
      const char *end = memchr(value, '\r', length - (size_t)(value - head));
      size_t size = end == NULL ? 0 : (size_t)(end - value);
      if (size >= max) size = max - 1;
      memcpy(out, value, size);
      out[size] = '\0';
      return 1;
    }
    line = memchr(line, '\n', left);
  }
  return 0;
}

/* Whether the answer in `answer->data` is complete; decodes its body when it is. */
static int answer_complete(Answer *answer, int at_end) {
  char *end = memmem(answer->data, answer->length, "\r\n\r\n", 4);
  if (end == NULL) return 0;
  size_t head = (size_t)(end + 4 - answer->data);
  char value[64];
  if (sscanf(answer->data, "HTTP/1.%*d %d", &answer->status) != 1) answer->status = 0;
  header_value(answer->data, head, "content-type", answer->content_type,
               sizeof answer->content_type);
  char *body = answer->data + head;
  size_t available = answer->length - head;
  if (header_value(answer->data, head, "content-length", value, sizeof value)) {
    size_t length = (size_t)strtoull(value, NULL, 10);
    if (available < length) return 0;
    answer->body = body;
    answer->body_length = length;
    return 1;
  }
  if (header_value(answer->data, head, "transfer-encoding", value, sizeof value) &&
      strcasestr(value, "chunked") != NULL) {
    /* The chunks' data without the chunk-size lines. */
    char *decoded = malloc(available + 1);
    size_t out = 0, at = 0;
    for (;;) {
      char *line_end = memmem(body + at, available - at, "\r\n", 2);
      if (line_end == NULL) break;
      size_t size = (size_t)strtoull(body + at, NULL, 16);
      size_t data = (size_t)(line_end + 2 - body);
      if (size == 0) {
        answer->body = decoded;
        answer->body_length = out;
        answer->body_owned = 1;
        return 1;
      }
      if (data + size + 2 > available) break;
      memcpy(decoded + out, body + data, size);
      out += size;
      at = data + size + 2;
    }
    free(decoded);
    if (!at_end) return 0;
  }
  answer->body = body;
  answer->body_length = available;
  return at_end;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void command_round(long timeout_ms, const char *post, size_t post_len) {
  int64_t deadline = mono_ms() + timeout_ms;
  /* Whatever the streams received since the last round (keep-alive comments) is read first. */
  collect(0);
  round_number++;
  size_t open_streams = 0;
  for (size_t index = 0; index < stream_count; index++) {
    streams[index].tail_len = 0;
    if (streams[index].state == OPEN) {
      streams[index].open_round = round_number;
      open_streams++;
    }
  }

  int fd = new_socket();
  if (fd < 0) die("socket() for the POST failed");
  if (connect(fd, (struct sockaddr *)&address, sizeof address) < 0 && errno != EINPROGRESS)
    die("connect() for the POST failed");
  struct epoll_event event = {.events = EPOLLOUT | EPOLLIN | EPOLLRDHUP};
  int post_ep = epoll_create1(EPOLL_CLOEXEC);
  epoll_ctl(post_ep, EPOLL_CTL_ADD, fd, &event);
  if (epoll_wait(post_ep, &event, 1, 5000) != 1) die("the POST connection did not connect");

  int64_t sent_ns = now_ns();
  size_t sent = 0;
  while (sent < post_len) {
    ssize_t written = write(fd, post + sent, post_len - sent);
    if (written < 0 && errno == EAGAIN) {
      epoll_wait(post_ep, &event, 1, 100);
      continue;
    }
    if (written < 0) die("write of the POST failed");
    sent += (size_t)written;
  }

  Answer answer = {0};
  size_t capacity = 0;
  for (;;) {
    int64_t left = deadline - mono_ms();
    if (left <= 0) break;
    if (epoll_wait(post_ep, &event, 1, (int)left) != 1) continue;
    int64_t stamp = 0;
    ssize_t bytes = read_stamped(fd, &stamp);
    if (bytes < 0 && errno == EAGAIN) continue;
    if (bytes > 0) {
      if (answer.length + (size_t)bytes > capacity) {
        capacity = (answer.length + (size_t)bytes) * 2;
        answer.data = realloc(answer.data, capacity + 1);
      }
      memcpy(answer.data + answer.length, read_buffer, (size_t)bytes);
      answer.length += (size_t)bytes;
    }
    if (answer.length > 0 && answer_complete(&answer, bytes <= 0)) {
      answer.complete = 1;
      answer.done_ns = stamp != 0 ? stamp : now_ns();
      break;
    }
    if (bytes <= 0) break;
  }
  close(fd);
  close(post_ep);

  /* The streams are read once the POST is answered, in batches, so the sink stays out of the
   * server's way while it writes. */
  size_t delivered = 0;
  for (size_t index = 0; index < stream_count; index++)
    if (streams[index].state == OPEN && streams[index].seen_round == round_number) delivered++;
  while (delivered < open_streams && mono_ms() < deadline) {
    struct timespec pause = {.tv_sec = 0, .tv_nsec = COLLECT_EVERY_NS};
    nanosleep(&pause, NULL);
    delivered += collect(0);
  }

  double *times = malloc(sizeof(double) * (delivered + 1));
  size_t count = 0, closed = 0;
  for (size_t index = 0; index < stream_count; index++) {
    Stream *stream = &streams[index];
    if (stream->seen_round == round_number)
      times[count++] = (double)(stream->arrival_ns - sent_ns) / 1e6;
    else if (stream->state == CLOSED && stream->open_round == round_number)
      closed++;
  }
  qsort(times, count, sizeof(double), compare_doubles);
  printf("{\"type\":\"round\",\"streams\":%zu,\"delivered\":%zu,\"closed\":%zu", open_streams,
         count, closed);
  if (count > 0) {
    size_t rank = (count + 1) / 2;
    printf(",\"first\":%.3f,\"p50\":%.3f,\"last\":%.3f", times[0], times[rank - 1],
           times[count - 1]);
  }
  printf(",\"answered\":%s", answer.complete ? "true" : "false");
  if (answer.complete) {
    printf(",\"call\":%.3f,\"status\":%d,\"contentType\":", (double)(answer.done_ns - sent_ns) / 1e6,
           answer.status);
    json_string(answer.content_type, strlen(answer.content_type));
    printf(",\"body\":");
    json_string(answer.body, answer.body_length < BODY_KEEP ? answer.body_length : BODY_KEEP);
    if (answer.body_owned) free(answer.body);
  }
  printf(",\"fallbackTimestamps\":%ld}\n", fallback_timestamps);
  fflush(stdout);
  free(times);
  free(answer.data);
}

/* ---------------------------------------------------------------------------------------------
 * Commands
 */

static char *read_exact(size_t length) {
  char *bytes = malloc(length + 1);
  if (length > 0 && fread(bytes, 1, length, stdin) != length) die("input ended inside a command");
  bytes[length] = '\0';
  return bytes;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s <host> <port>\n", argv[0]);
    return 2;
  }
  struct rlimit limit;
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
  address.sin_family = AF_INET;
  address.sin_port = htons((uint16_t)atoi(argv[2]));
  if (inet_pton(AF_INET, argv[1], &address.sin_addr) != 1) die("the host must be an IPv4 address");
  setup_ep = epoll_create1(EPOLL_CLOEXEC);
  stream_ep = epoll_create1(EPOLL_CLOEXEC);

  char line[256];
  while (fgets(line, sizeof line, stdin) != NULL) {
    size_t length;
    long timeout;
    if (sscanf(line, "stream %zu", &length) == 1) {
      if (stream_count == stream_capacity) {
        stream_capacity = stream_capacity == 0 ? 1024 : stream_capacity * 2;
        streams = realloc(streams, stream_capacity * sizeof(Stream));
      }
      Stream *stream = &streams[stream_count++];
      memset(stream, 0, sizeof *stream);
      stream->fd = -1;
      stream->state = PENDING;
      stream->request = read_exact(length);
      stream->request_len = length;
    } else if (sscanf(line, "open %ld", &timeout) == 1) {
      command_open(timeout);
      for (size_t index = 0; index < stream_count; index++) {
        free(streams[index].request);
        streams[index].request = NULL;
      }
    } else if (sscanf(line, "round %ld %zu %zu", &timeout, &token_len, &length) == 3) {
      if (token_len == 0 || token_len > TOKEN_MAX) die("the token must be 1 to 200 bytes");
      char *token_bytes = read_exact(token_len);
      memcpy(token, token_bytes, token_len);
      free(token_bytes);
      char *post = read_exact(length);
      command_round(timeout, post, length);
      free(post);
    } else if (strncmp(line, "quit", 4) == 0) {
      break;
    } else {
      die("unknown command");
    }
  }
  for (size_t index = 0; index < stream_count; index++)
    if (streams[index].fd >= 0) close(streams[index].fd);
  return 0;
}
