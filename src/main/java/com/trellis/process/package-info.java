/**
 * The partner sales process: configured stages with one owner role, a written exit
 * criterion and an exit checklist each; deals advance only through a complete checklist,
 * stall past a norm, and leave without a win only with a reason.
 */
package com.trellis.process;
