/**
 * Account mapping (§C13): partners' customer and prospect lists matched against the
 * vendor's accounts by the {@code matching} module; each partner's list is its own data.
 */
package com.trellis.mapping;
