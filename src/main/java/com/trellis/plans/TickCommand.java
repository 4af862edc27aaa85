package com.trellis.plans;

import jakarta.validation.constraints.NotNull;

/** Marks an action done, or open again. */
public record TickCommand(@NotNull ActionStatus status) {
}
