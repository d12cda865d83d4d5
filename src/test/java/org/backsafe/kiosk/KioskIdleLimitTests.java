package org.backsafe.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The server's own idle limit, for when the page's timer never ran. */
class KioskIdleLimitTests {

	static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

	final KioskProperties properties = new KioskProperties(Duration.ofSeconds(60), Duration.ofSeconds(30),
			Duration.ofSeconds(90), 30, Duration.ofHours(1));

	final KioskVisit visit = new KioskVisit();

	final MutableClock clock = new MutableClock();

	final KioskIdleLimit limit;

	KioskIdleLimitTests() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("visit", this.visit);
		this.limit = new KioskIdleLimit(beans.getBeanProvider(KioskVisit.class), this.properties, this.clock);
		this.visit.begin(START);
	}

	boolean request(MockHttpSession session, MockHttpServletResponse response) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/kiosk/questions/health");
		request.setSession(session);
		return this.limit.preHandle(request, response, new Object());
	}

	@Test
	void aVisitInUseGoesOnAndEachRequestCountsAsUse() throws Exception {
		MockHttpSession session = new MockHttpSession();
		for (int i = 0; i < 5; i++) {
			this.clock.now = this.clock.now.plusSeconds(80);
			assertThat(request(session, new MockHttpServletResponse())).isTrue();
		}
		assertThat(session.isInvalid()).isFalse();
	}

	@Test
	void aVisitIdlePastIdleTimePlusWarningIsEndedAndSentToTheStart() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.clock.now = START.plus(this.properties.serverIdleLimit()).plus(KioskIdleLimit.SLACK).plusSeconds(1);
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(request(session, response)).isFalse();
		assertThat(session.isInvalid()).isTrue();
		assertThat(response.getRedirectedUrl()).isEqualTo("/kiosk");
	}

	@Test
	void theWarningCannotBeShorterThanTwentySeconds() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KioskProperties(Duration.ofSeconds(60),
				Duration.ofSeconds(19), Duration.ofSeconds(90), 30, Duration.ofHours(1)))
			.withMessageContaining("at least 20s");
	}

	static final class MutableClock extends Clock {

		Instant now = START;

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
