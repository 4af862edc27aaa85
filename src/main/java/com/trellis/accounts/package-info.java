/**
 * The vendor's customer and prospect accounts, each with an owning account executive.
 */
package com.trellis.accounts;
