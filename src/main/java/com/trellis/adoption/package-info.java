/**
 * Sales rep partner adoption (§C10): per rep and team, how often reps bring partners in
 * unprompted (adoption) or after a manager's prompt (compliance), and whether partners
 * make deals easier to win; the pipeline review where a manager prompts a rep.
 */
package com.trellis.adoption;
