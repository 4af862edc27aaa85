package com.trellis.activation;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One milestone of the 30-60-90 template: its name, the day it is due and who owns it.
 * Plans already created keep their own copy.
 */
public record TemplateMilestone(@NotBlank @PlainText(max = 60) String code, @NotBlank @PlainText(max = 120) String name,
		@NotNull @Min(1) @Max(90) Integer dueDay,
		@NotNull @Pattern(regexp = "^(PAM|PARTNER)$", message = "must be PAM or PARTNER") String owner) {
}
