/**
 * Value rules every command of every module shares (free text, business dates, ISO
 * currencies with an exchange rate, money amounts), as bean validation constraints and as
 * checks services call for values that arrive without a command record.
 */
package com.trellis.shared.validation;
