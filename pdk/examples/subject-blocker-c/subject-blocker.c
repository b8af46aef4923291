/*
 * Subject blocker, in the spirit of qpsmtpd's check_badsubject-style plugins.
 *
 * Config "blocked_subjects": one pattern per line (blank lines ignored,
 * surrounding spaces trimmed). A message whose Subject contains one of the
 * patterns (ASCII case-insensitively) is bounced with code 77 (EX_NOPERM)
 * and not delivered. Every other message is delivered; the result is then
 * deliver's code. Without the config, everything is delivered.
 */
#include "hackablemail.h"

#define BLOCKED_CODE HM_EX_NOPERM /* 77 */

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

/* Does haystack contain needle[0..n), ignoring ASCII case? */
static bool contains_ci(const char *haystack, const char *needle, size_t n) {
  for (; *haystack; haystack++) {
    size_t i = 0;
    while (i < n && haystack[i] && lower(haystack[i]) == lower(needle[i])) i++;
    if (i == n) return true;
  }
  return false;
}

/* The first line of `patterns` found in subject, copied into a malloc'd
 * string, or NULL. */
static char *find_blocked(const char *subject, const char *patterns) {
  const char *line = patterns;
  while (*line) {
    size_t len = strcspn(line, "\n");
    const char *start = line, *end = line + len;
    while (start < end && (*start == ' ' || *start == '\t')) start++;
    while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r')) end--;
    if (end > start && contains_ci(subject, start, (size_t)(end - start))) {
      char *hit = (char *)malloc((size_t)(end - start) + 1);
      if (hit) {
        memcpy(hit, start, (size_t)(end - start));
        hit[end - start] = '\0';
      }
      return hit;
    }
    line += len;
    if (*line == '\n') line++;
  }
  return NULL;
}

HM_EXPORT("onEmail") int32_t onEmail(void) {
  char *email = hm_input(NULL);
  if (email == NULL) return hm_fail("cannot read the input");

  char *patterns = hm_config_get("blocked_subjects");
  char *subject = hm_email_header(email, "Subject");
  char *hit = patterns && subject ? find_blocked(subject, patterns) : NULL;
  if (hit != NULL) {
    hm_buf msg = {0};
    hm_buf_puts(&msg, "bouncing: subject matches blocked pattern ");
    hm_buf_json_string(&msg, hit);
    if (!msg.failed) hm_log(HM_INFO, msg.data);
    return hm_result(BLOCKED_CODE);
  }
  if (patterns == NULL) hm_log(HM_WARN, "config blocked_subjects is not set");
  int32_t rc = hm_deliver(email);
  free(patterns);
  free(subject);
  free(email);
  return hm_result(rc);
}
