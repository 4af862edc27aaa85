/**
 * The one definition of "the same company" in Trellis: identity keys (registrable domain,
 * transliterated normalised name), the pairwise matcher and the choice among candidates,
 * used by registration conflicts, lead routing, data hygiene and account mapping.
 */
package com.trellis.matching;
