package org.backsafe.kiosk;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.backsafe.rulebase.CurrentRuleBase;
import org.backsafe.screening.HealthQuestion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded load on loopback: 20 patients at 20 kiosks, each going through the whole kiosk flow again
 * and again for 30 seconds (start, four screens, handoff, reset). Every screening that reached a
 * handoff must be stored exactly once under the code it showed, and every code must differ.
 */
@RunningKiosk
class KioskLoadTests {

	static final int KIOSKS = 20;

	static final Duration RUN = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KioskScreenings stored;

	@Autowired
	CurrentRuleBase rules;

	@Test
	void twentyKiosksForThirtySecondsLoseNothing() throws Exception {
		// Until the first rule base serves, every kiosk rightly sends its patient to reception.
		long loading = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (this.rules.serving().isEmpty() && System.nanoTime() < loading) {
			Thread.sleep(100);
		}
		assertThat(this.rules.serving()).as("a rule base serving before the load starts").isPresent();
		Integer before = this.jdbc.queryForObject("SELECT COUNT(*) FROM kiosk_screening", Integer.class);
		long deadline = System.nanoTime() + RUN.toNanos();
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		List<Long> finishMillis = Collections.synchronizedList(new ArrayList<>());
		ExecutorService kiosks = Executors.newFixedThreadPool(KIOSKS);
		List<Future<List<String>>> runs = new ArrayList<>();
		for (int k = 0; k < KIOSKS; k++) {
			int kiosk = k;
			runs.add(kiosks.submit(() -> {
				KioskClient patient = new KioskClient(URI.create("http://127.0.0.1:" + this.port));
				List<HealthQuestion> yes = (kiosk % 2 == 0) ? List.of(HealthQuestion.EPILEPSY) : List.of();
				List<String> codes = new ArrayList<>();
				while (System.nanoTime() < deadline) {
					long started = System.nanoTime();
					try {
						KioskClient.Handoff handoff = patient.screen(20 + kiosk, yes);
						finishMillis.add(handoff.lastStepMillis());
						if (handoff.code() == null) {
							throw new IllegalStateException("No reference code on the handoff page");
						}
						codes.add(handoff.code());
						patient.reset(handoff);
					}
					catch (IOException | IllegalStateException ex) {
						failures.add(ex.getClass().getSimpleName() + " after "
								+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms: " + firstLine(ex.getMessage()));
					}
				}
				return codes;
			}));
		}
		List<String> codes = new ArrayList<>();
		for (Future<List<String>> run : runs) {
			codes.addAll(run.get());
		}
		kiosks.shutdown();

		Integer after = this.jdbc.queryForObject("SELECT COUNT(*) FROM kiosk_screening", Integer.class);
		List<Long> sorted = finishMillis.stream().sorted().toList();
		assertThat(sorted).as("screenings that reached the handoff; failures: %s", failures).isNotEmpty();
		System.out.printf("Kiosk load: %d screenings by %d kiosks in %ds (%.1f/s), %d failed; last step p50 %d ms,"
				+ " p95 %d ms, max %d ms%n", codes.size(), KIOSKS, RUN.toSeconds(),
				codes.size() / (double) RUN.toSeconds(), failures.size(), sorted.get(sorted.size() / 2),
				sorted.get((int) (sorted.size() * 0.95)), sorted.get(sorted.size() - 1));

		assertThat(failures).as("screenings that never reached a code").isEmpty();
		assertThat(codes).hasSizeGreaterThan(KIOSKS).doesNotHaveDuplicates();
		assertThat(after - before).as("rows written").isEqualTo(codes.size());
		for (String code : codes) {
			assertThat(this.stored.find(code)).as(code).isPresent();
		}
	}

	private static String firstLine(String message) {
		return (message == null) ? "" : message.lines().findFirst().orElse("");
	}

}
