/**
 * Credit disputes: the only way to change a partner deal's credit after acceptance,
 * raised by the partner or the rep, decided by the PAM or an admin, with reason and audit
 * trail.
 */
package com.trellis.credit;
