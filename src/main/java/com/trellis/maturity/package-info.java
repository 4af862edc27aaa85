/**
 * Maturity assessment (§C19): a short weighted questionnaire that places the partner
 * program, or one partner, on a five-level maturity scale with recommendations per weak
 * area; every submission is kept, so progress shows, and a partner's latest result feeds
 * its readiness assessment (see {@code docs/maturity.md}).
 */
package com.trellis.maturity;
