/**
 * The home page of each role and the partner portal's home: honest figures drawn from the
 * other modules' facades.
 */
package com.trellis.home;
