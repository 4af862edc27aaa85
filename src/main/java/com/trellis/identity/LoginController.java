package com.trellis.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	private final long longestWait;

	LoginController(LoginThrottleProperties throttle) {
		this.longestWait = throttle.maxDelay().toSeconds();
	}

	/**
	 * The sign-in page; after a throttled attempt it says how long to wait (in seconds up
	 * to two minutes, else in whole minutes, rounded up). The wait comes in the address,
	 * so one longer than the throttle ever asks is told as its longest.
	 */
	@GetMapping("/login")
	String login(@RequestParam(name = "throttled", required = false) String throttled, Model model) {
		long seconds = Math.min(seconds(throttled), this.longestWait);
		if (seconds > 120) {
			model.addAttribute("waitMinutes", (seconds + 59) / 60);
		}
		else if (seconds > 0) {
			model.addAttribute("waitSeconds", seconds);
		}
		return "login";
	}

	private static long seconds(String value) {
		if (value == null || !value.matches("\\d+")) {
			return 0;
		}
		// any number of digits: one too long to read is longer than the longest wait
		var digits = value.replaceFirst("^0+(?=\\d)", "");
		return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
	}

}
