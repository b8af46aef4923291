/*
 * hackablemail.h - write Hackable Mail plugins in C.
 *
 * One header, no library: include it in the one .c file of your plugin.
 * Everything here is `static`, so unused helpers cost nothing.
 *
 * Build (Debian: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32):
 *
 *   clang --target=wasm32-wasi --sysroot=/usr -O2 -mexec-model=reactor \
 *         -I pdk/c -o plugin.wasm plugin.c
 *
 * A plugin exports `onEmail`:
 *
 *   #include "hackablemail.h"
 *
 *   HM_EXPORT("onEmail") int32_t onEmail(void) {
 *     char *email = hm_input(NULL);            // IncomingEmail JSON
 *     if (email == NULL) return hm_fail("no input");
 *     return hm_result(hm_deliver(email));     // deliver unchanged
 *   }
 *
 * The ABI (docs/plugin-authors.md has the whole story):
 *  - input: the IncomingEmail as JSON (pdk/schema.yaml);
 *  - output: a JSON integer, the sendmail-style result: 0 = success (the
 *    message is delivered if deliver was called, else dropped), non-zero =
 *    bounce with that code, 75 = temporary failure (retry later);
 *  - onEmail returns 0; returning non-zero (see hm_fail) or trapping is a
 *    plugin failure, handled by the administrator's policy;
 *  - deliver and reply may each be called once per message.
 */
#ifndef HACKABLEMAIL_H
#define HACKABLEMAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An offset in the Extism kernel's memory; 0 means "none". */
typedef uint64_t hm_handle;

#define HM_EXPORT(name) __attribute__((export_name(name)))
#define HM_UNUSED __attribute__((unused))
#define HM_IMPORT(module, name) \
  __attribute__((import_module(module), import_name(name)))
#define HM_ENV(name) HM_IMPORT("extism:host/env", name)
#define HM_USER(name) HM_IMPORT("extism:host/user", name)

/* sendmail exit codes (sysexits.h) that make sense as results */
#define HM_OK 0
#define HM_EX_NOUSER 67      /* addressee unknown */
#define HM_EX_UNAVAILABLE 69 /* service unavailable */
#define HM_EX_SOFTWARE 70    /* internal software error */
#define HM_EX_TEMPFAIL 75    /* temporary failure: James retries later */
#define HM_EX_NOPERM 77      /* permission denied */

/* ------------------------------------------------------------------ */
/* Extism kernel imports (module "extism:host/env")                    */
/* ------------------------------------------------------------------ */

HM_ENV("alloc") hm_handle extism_alloc(uint64_t length);
HM_ENV("free") void extism_free(hm_handle handle);
HM_ENV("length") uint64_t extism_length(hm_handle handle);
HM_ENV("load_u8") uint8_t extism_load_u8(uint64_t offset);
HM_ENV("load_u64") uint64_t extism_load_u64(uint64_t offset);
HM_ENV("store_u8") void extism_store_u8(uint64_t offset, uint8_t value);
HM_ENV("store_u64") void extism_store_u64(uint64_t offset, uint64_t value);
HM_ENV("input_length") uint64_t extism_input_length(void);
HM_ENV("input_load_u8") uint8_t extism_input_load_u8(uint64_t offset);
HM_ENV("input_load_u64") uint64_t extism_input_load_u64(uint64_t offset);
HM_ENV("output_set") void extism_output_set(hm_handle handle, uint64_t length);
HM_ENV("error_set") void extism_error_set(hm_handle message);
HM_ENV("config_get") hm_handle extism_config_get(hm_handle key);
HM_ENV("var_get") hm_handle extism_var_get(hm_handle key);
HM_ENV("var_set") void extism_var_set(hm_handle key, hm_handle value);
HM_ENV("log_debug") void extism_log_debug(hm_handle message);
HM_ENV("log_info") void extism_log_info(hm_handle message);
HM_ENV("log_warn") void extism_log_warn(hm_handle message);
HM_ENV("log_error") void extism_log_error(hm_handle message);
/* http_request exists in Extism but Hackable Mail denies it: not declared. */

/* ------------------------------------------------------------------ */
/* Hackable Mail host functions (module "extism:host/user")            */
/* Each takes a handle to JSON and returns a handle to a JSON integer. */
/* ------------------------------------------------------------------ */

HM_USER("deliver") hm_handle hm_host_deliver(hm_handle incoming_email_json);
HM_USER("reply") hm_handle hm_host_reply(hm_handle reply_email_json);

/* ------------------------------------------------------------------ */
/* Moving bytes between plugin memory and kernel memory               */
/* ------------------------------------------------------------------ */

/* Copy n bytes from kernel memory at `src` to `dst`. */
static HM_UNUSED void hm_load(hm_handle src, void *dst, size_t n) {
  uint8_t *d = (uint8_t *)dst;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w = extism_load_u64(src + i);
    memcpy(d + i, &w, 8);
  }
  for (; i < n; i++) d[i] = extism_load_u8(src + i);
}

/* Allocate kernel memory and copy n bytes into it; the caller frees it. */
static HM_UNUSED hm_handle hm_store(const void *src, size_t n) {
  const uint8_t *s = (const uint8_t *)src;
  hm_handle h = extism_alloc(n);
  if (h == 0) return 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    extism_store_u64(h + i, w);
  }
  for (; i < n; i++) extism_store_u8(h + i, s[i]);
  return h;
}

/* Copy a kernel block into malloc'd memory, NUL-terminated. *len (if
 * given) receives the length without the NUL. Returns NULL for handle 0 or
 * when malloc fails. The block is not freed: the kernel memory is reset
 * after every call, and some hosts use a var's block as the var itself. */
static HM_UNUSED char *hm_copy(hm_handle h, size_t *len) {
  if (h == 0) return NULL;
  uint64_t n = extism_length(h);
  char *buf = n < SIZE_MAX ? (char *)malloc((size_t)n + 1) : NULL;
  if (buf != NULL) {
    hm_load(h, buf, (size_t)n);
    buf[n] = '\0';
    if (len) *len = (size_t)n;
  }
  return buf;
}

/* ------------------------------------------------------------------ */
/* Input, output, errors, logs                                         */
/* ------------------------------------------------------------------ */

/* The whole input (the IncomingEmail JSON), malloc'd and NUL-terminated. */
static HM_UNUSED char *hm_input(size_t *len) {
  uint64_t n = extism_input_length();
  char *buf = n < SIZE_MAX ? (char *)malloc((size_t)n + 1) : NULL;
  if (buf == NULL) return NULL;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w = extism_input_load_u64(i);
    memcpy(buf + i, &w, 8);
  }
  for (; i < n; i++) buf[i] = (char)extism_input_load_u8(i);
  buf[n] = '\0';
  if (len) *len = (size_t)n;
  return buf;
}

/* Set the output to n bytes. */
static HM_UNUSED void hm_output(const void *data, size_t n) {
  hm_handle h = hm_store(data, n);
  extism_output_set(h, n);
}

/* Set the output to the JSON integer `code` and return 0 from onEmail:
 *   return hm_result(0);   // success
 *   return hm_result(77);  // bounce with code 77 */
static HM_UNUSED int32_t hm_result(int32_t code) {
  char buf[12];
  char *p = buf + sizeof buf;
  uint32_t u = code < 0 ? 0u - (uint32_t)code : (uint32_t)code;
  do {
    *--p = (char)('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (code < 0) *--p = '-';
  hm_output(p, (size_t)(buf + sizeof buf - p));
  return 0;
}

/* Report a plugin failure: sets the Extism error and returns 1, so
 *   return hm_fail("cannot parse input");
 * ends onEmail as failed (the administrator's onFailure policy applies). */
static HM_UNUSED int32_t hm_fail(const char *message) {
  extism_error_set(hm_store(message, strlen(message)));
  return 1;
}

typedef enum { HM_DEBUG, HM_INFO, HM_WARN, HM_ERROR } hm_log_level;

static HM_UNUSED void hm_log(hm_log_level level, const char *message) {
  hm_handle h = hm_store(message, strlen(message));
  switch (level) {
  case HM_DEBUG: extism_log_debug(h); break;
  case HM_INFO: extism_log_info(h); break;
  case HM_WARN: extism_log_warn(h); break;
  default: extism_log_error(h); break;
  }
  extism_free(h);
}

/* ------------------------------------------------------------------ */
/* Config (set by the owner with the plugin) and vars (kept by the     */
/* host between calls of this owner's plugin)                          */
/* ------------------------------------------------------------------ */

/* The config value for key, malloc'd, or NULL when unset. */
static HM_UNUSED char *hm_config_get(const char *key) {
  hm_handle k = hm_store(key, strlen(key));
  hm_handle v = extism_config_get(k);
  extism_free(k);
  return hm_copy(v, NULL);
}

/* The var's value (malloc'd, NUL-terminated, length in *len), or NULL. */
static HM_UNUSED char *hm_var_get(const char *key, size_t *len) {
  hm_handle k = hm_store(key, strlen(key));
  hm_handle v = extism_var_get(k);
  extism_free(k);
  return hm_copy(v, len);
}

static HM_UNUSED void hm_var_set(const char *key, const void *value, size_t n) {
  hm_handle k = hm_store(key, strlen(key));
  hm_handle v = hm_store(value, n); /* not freed: see hm_copy */
  extism_var_set(k, v);
  extism_free(k);
}

static HM_UNUSED void hm_var_remove(const char *key) {
  hm_handle k = hm_store(key, strlen(key));
  extism_var_set(k, 0);
  extism_free(k);
}

/* ------------------------------------------------------------------ */
/* JSON reading: just enough to pick strings out of the IncomingEmail  */
/* ------------------------------------------------------------------ */

static HM_UNUSED const char *hm_json_ws(const char *p) {
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
  return p;
}

/* p at a value: returns the first byte after it, or NULL if malformed. */
static HM_UNUSED const char *hm_json_skip(const char *p) {
  p = hm_json_ws(p);
  if (*p == '"') {
    for (p++; *p != '"'; p++) {
      if (*p == '\0') return NULL;
      if (*p == '\\' && *++p == '\0') return NULL;
    }
    return p + 1;
  }
  if (*p == '{' || *p == '[') {
    char close = *p == '{' ? '}' : ']';
    p = hm_json_ws(p + 1);
    if (*p == close) return p + 1;
    for (;;) {
      if (close == '}') { /* "key": */
        if (*p != '"' || (p = hm_json_skip(p)) == NULL) return NULL;
        p = hm_json_ws(p);
        if (*p++ != ':') return NULL;
      }
      if ((p = hm_json_skip(p)) == NULL) return NULL;
      p = hm_json_ws(p);
      if (*p == close) return p + 1;
      if (*p++ != ',') return NULL;
      p = hm_json_ws(p);
    }
  }
  /* number, true, false, null */
  const char *start = p;
  while (*p && strchr("+-.0123456789eEtrufalsn", *p)) p++;
  return p == start ? NULL : p;
}

static HM_UNUSED int hm_hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static HM_UNUSED bool hm_json_u4(const char *p, uint32_t *out) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) {
    int h = hm_hex(p[i]);
    if (h < 0) return false;
    v = v << 4 | (uint32_t)h;
  }
  *out = v;
  return true;
}

/* p at a JSON string: its decoded UTF-8 value, malloc'd and
 * NUL-terminated (a \u0000 inside ends the C string early), or NULL if p
 * is not at a well-formed string. */
static HM_UNUSED char *hm_json_string(const char *p) {
  p = hm_json_ws(p);
  const char *end = *p == '"' ? hm_json_skip(p) : NULL;
  if (end == NULL) return NULL;
  char *out = (char *)malloc((size_t)(end - p)); /* decoding never grows */
  if (out == NULL) return NULL;
  char *o = out;
  for (p++; p < end - 1; p++) {
    if (*p != '\\') { *o++ = *p; continue; }
    switch (*++p) {
    case 'b': *o++ = '\b'; break;
    case 'f': *o++ = '\f'; break;
    case 'n': *o++ = '\n'; break;
    case 'r': *o++ = '\r'; break;
    case 't': *o++ = '\t'; break;
    case 'u': {
      uint32_t c, lo;
      if (!hm_json_u4(p + 1, &c)) { free(out); return NULL; }
      p += 4;
      if (c >= 0xD800 && c < 0xDC00 && p[1] == '\\' && p[2] == 'u' &&
          hm_json_u4(p + 3, &lo) && lo >= 0xDC00 && lo < 0xE000) {
        c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
        p += 6;
      } else if (c >= 0xD800 && c < 0xE000) {
        c = 0xFFFD; /* lone surrogate */
      }
      if (c < 0x80) {
        *o++ = (char)c;
      } else if (c < 0x800) {
        *o++ = (char)(0xC0 | c >> 6);
        *o++ = (char)(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        *o++ = (char)(0xE0 | c >> 12);
        *o++ = (char)(0x80 | (c >> 6 & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
      } else {
        *o++ = (char)(0xF0 | c >> 18);
        *o++ = (char)(0x80 | (c >> 12 & 0x3F));
        *o++ = (char)(0x80 | (c >> 6 & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
      }
      break;
    }
    default: *o++ = *p; break; /* \" \\ \/ */
    }
  }
  *o = '\0';
  return out;
}

static HM_UNUSED bool hm_ascii_ieq(const char *a, const char *b) {
  for (; *a && *b; a++, b++) {
    char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
    char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
    if (x != y) return false;
  }
  return *a == *b;
}

/* obj at a JSON object: a pointer to the value of member `key` (compared
 * exactly, or ASCII case-insensitively if ignore_case), or NULL. */
static HM_UNUSED const char *hm_json_member(const char *obj, const char *key,
                                  bool ignore_case) {
  const char *p = hm_json_ws(obj);
  if (*p++ != '{') return NULL;
  p = hm_json_ws(p);
  while (*p == '"') {
    char *k = hm_json_string(p);
    if (k == NULL || (p = hm_json_skip(p)) == NULL) { free(k); return NULL; }
    bool match = ignore_case ? hm_ascii_ieq(k, key) : strcmp(k, key) == 0;
    free(k);
    p = hm_json_ws(p);
    if (*p++ != ':') return NULL;
    p = hm_json_ws(p);
    if (match) return p;
    if ((p = hm_json_skip(p)) == NULL) return NULL;
    p = hm_json_ws(p);
    if (*p != ',') return NULL;
    p = hm_json_ws(p + 1);
  }
  return NULL;
}

/* A top-level string property of the email ("sender", "body", ...),
 * malloc'd, or NULL when absent or not a string. */
static HM_UNUSED char *hm_email_field(const char *email, const char *name) {
  const char *v = hm_json_member(email, name, false);
  return v ? hm_json_string(v) : NULL;
}

/* A header's decoded value (name compared case-insensitively), malloc'd,
 * or NULL when the message has no such header. */
static HM_UNUSED char *hm_email_header(const char *email, const char *name) {
  const char *headers = hm_json_member(email, "headers", false);
  const char *v = headers ? hm_json_member(headers, name, true) : NULL;
  return v ? hm_json_string(v) : NULL;
}

/* ------------------------------------------------------------------ */
/* JSON writing: a growable string with a correct string escaper       */
/* ------------------------------------------------------------------ */

typedef struct {
  char *data; /* NUL-terminated; NULL until something is appended */
  size_t len, cap;
  bool failed; /* an allocation failed: the content is incomplete */
} hm_buf;

static HM_UNUSED void hm_buf_putn(hm_buf *b, const char *s, size_t n) {
  if (b->failed) return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1) cap *= 2;
    char *d = (char *)realloc(b->data, cap);
    if (d == NULL) { b->failed = true; return; }
    b->data = d;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

static HM_UNUSED void hm_buf_puts(hm_buf *b, const char *s) {
  hm_buf_putn(b, s, strlen(s));
}

/* Append s (UTF-8) as a quoted JSON string. */
static HM_UNUSED void hm_buf_json_string(hm_buf *b, const char *s) {
  static const char hex[] = "0123456789abcdef";
  hm_buf_putn(b, "\"", 1);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    switch (c) {
    case '"': hm_buf_putn(b, "\\\"", 2); break;
    case '\\': hm_buf_putn(b, "\\\\", 2); break;
    case '\n': hm_buf_putn(b, "\\n", 2); break;
    case '\r': hm_buf_putn(b, "\\r", 2); break;
    case '\t': hm_buf_putn(b, "\\t", 2); break;
    default:
      if (c < 0x20) {
        char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        hm_buf_putn(b, esc, 6);
      } else {
        hm_buf_putn(b, (const char *)&c, 1);
      }
    }
  }
  hm_buf_putn(b, "\"", 1);
}

static HM_UNUSED void hm_buf_free(hm_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

/* ------------------------------------------------------------------ */
/* deliver and reply                                                   */
/* ------------------------------------------------------------------ */

/* Call a host function with JSON and read its JSON integer result;
 * -1 when the host answered something that is not an integer. */
static HM_UNUSED int32_t hm_call_json(hm_handle (*fn)(hm_handle), const char *json) {
  hm_handle in = hm_store(json, strlen(json));
  char *out = hm_copy(fn(in), NULL);
  extism_free(in);
  if (out == NULL) return -1;
  const char *p = hm_json_ws(out);
  bool neg = *p == '-';
  if (neg) p++;
  int64_t v = 0;
  const char *digits = p;
  while (*p >= '0' && *p <= '9' && v < 0x80000000LL) v = v * 10 + (*p++ - '0');
  bool ok = p > digits && *hm_json_ws(p) == '\0' && v < 0x80000000LL;
  free(out);
  return ok ? (int32_t)(neg ? -v : v) : -1;
}

/* Deliver to the receiver's inbox. `incoming_email_json` is the input as
 * read by hm_input, possibly with changed "headers" or "body".
 * Returns 0 when delivered; non-zero otherwise (e.g. a second call). */
static HM_UNUSED int32_t hm_deliver(const char *incoming_email_json) {
  return hm_call_json(hm_host_deliver, incoming_email_json);
}

/* Reply to the original sender with {"subject": ..., "body": ...}.
 * Returns 0 when sent; non-zero when refused (automatic mail, list mail,
 * null sender, a second call). hm_reply_text builds the JSON for you. */
static HM_UNUSED int32_t hm_reply(const char *reply_email_json) {
  return hm_call_json(hm_host_reply, reply_email_json);
}

static HM_UNUSED int32_t hm_reply_text(const char *subject, const char *body) {
  hm_buf b = {0};
  hm_buf_puts(&b, "{\"subject\":");
  hm_buf_json_string(&b, subject);
  hm_buf_puts(&b, ",\"body\":");
  hm_buf_json_string(&b, body);
  hm_buf_puts(&b, "}");
  int32_t rc = b.failed ? -1 : hm_reply(b.data);
  hm_buf_free(&b);
  return rc;
}

#ifdef __cplusplus
}
#endif
#endif /* HACKABLEMAIL_H */
