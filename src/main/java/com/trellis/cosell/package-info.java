/**
 * Co-sell requests: an account executive (or the partner's PAM, or an admin) asks a
 * partner for help on a deal and the partner answers; the time it takes is the partner's
 * responsiveness in early co-sell interactions.
 */
package com.trellis.cosell;
