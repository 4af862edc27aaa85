/**
 * Partner users invited by their PAM or a program admin: an e-mail with a single-use,
 * expiring link where the person sets a password and their partner user is opened;
 * pending invitations listed, resent and revoked on the partner's page and the API.
 */
package com.trellis.invitations;
