package com.trellis.fit;

import java.util.List;

/** A similar won deal named as evidence: its id, name and what it has in common. */
public record SimilarDeal(long id, String name, int points, List<String> alike) {
}
