package dev.gazette.browser;

import com.microsoft.playwright.Browser;

/** The two screens every path is walked on: a laptop and a small phone. */
public enum Viewport {

	DESKTOP(1280, 800, false), PHONE(375, 740, true);

	private final int width;

	private final int height;

	private final boolean mobile;

	Viewport(int width, int height, boolean mobile) {
		this.width = width;
		this.height = height;
		this.mobile = mobile;
	}

	int width() {
		return width;
	}

	Browser.NewContextOptions options() {
		return new Browser.NewContextOptions().setViewportSize(width, height)
			.setDeviceScaleFactor(1)
			.setIsMobile(mobile)
			.setHasTouch(mobile)
			.setLocale("en-GB");
	}

	/** How screenshot files are named: {@code article-phone.png}. */
	String fileSuffix() {
		return name().toLowerCase();
	}
}
