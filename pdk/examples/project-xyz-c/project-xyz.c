/*
 * Project XYZ auto-responder (the XTP email demo's example plugin, in C).
 *
 * Delivers every message. When the delivered message's Subject or body
 * mentions "Project XYZ", also replies to the sender with a canned answer.
 * Result: deliver's code (0 when delivered); a refused reply (automatic
 * mail, list mail, null sender) is logged and does not change the result.
 */
#include "hackablemail.h"

static const char *const KEYWORD = "Project XYZ";
static const char *const ANSWER =
    "Talking about Project XYZ is forbidden!!!\n\n"
    "Please stop talking about Project XYZ!";

HM_EXPORT("onEmail") int32_t onEmail(void) {
  char *email = hm_input(NULL);
  if (email == NULL) return hm_fail("cannot read the input");

  int32_t rc = hm_deliver(email);
  if (rc != 0) return hm_result(rc); /* not delivered: bounce with its code */

  char *subject = hm_email_header(email, "Subject");
  char *body = hm_email_field(email, "body");
  if ((subject && strstr(subject, KEYWORD)) || (body && strstr(body, KEYWORD))) {
    hm_buf re = {0};
    hm_buf_puts(&re, "RE: ");
    hm_buf_puts(&re, subject ? subject : "");
    if (re.failed) return hm_fail("out of memory");
    if (hm_reply_text(re.data, ANSWER) != 0) hm_log(HM_WARN, "reply refused");
    hm_buf_free(&re);
  }
  free(subject);
  free(body);
  free(email);
  return hm_result(0);
}
