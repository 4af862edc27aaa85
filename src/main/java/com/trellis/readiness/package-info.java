/**
 * Readiness self-assessments: the partner describes its ICP, repeatable use cases, sales
 * process, packaged offers, go-to-market material, specialisation and delivery readiness;
 * its PAM accepts or returns each submitted version; every version is kept and the
 * validated one as of a day feeds the readiness score.
 */
package com.trellis.readiness;
