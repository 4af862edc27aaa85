package com.trellis.holidays;

import java.time.LocalDate;

import com.trellis.shared.validation.BusinessDate;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A program holiday to add: the day and what it is. */
public record HolidayCommand(@NotNull @BusinessDate LocalDate day, @NotBlank @PlainText(max = 80) String name) {
}
