package org.backsafe.kiosk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.backsafe.screening.HealthQuestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} in the middle of concurrent kiosk visits, on the app's own H2 file. The reliability
 * issue's finding: after a kill during 20 visits, 3 to 4 codes that patients had already been shown
 * were missing on restart, because H2 acknowledged each commit before writing it (its default write
 * delay of 500 ms). Every code a client was shown must be found by staff after the restart.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KioskCrashTests {

	static final int KIOSKS = 20;

	/** The kill comes once visits are in full flow: this long after the first code, and this many codes. */
	static final Duration IN_FLOW = Duration.ofSeconds(3);

	static final int CODES_BEFORE_KILL = 60;

	/** However slow the machine, the kill comes by then. */
	static final Duration LONGEST_RUN = Duration.ofSeconds(20);

	@TempDir
	Path folder;

	@Test
	void everyCodeShownBeforeAKillIsFoundByStaffAfterTheRestart() throws Exception {
		List<String> shown = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger refused = new AtomicInteger();
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean killed = new AtomicBoolean();
		try (KioskProcess app = KioskProcess.start(this.folder, "before-kill")) {
			ExecutorService kiosks = Executors.newFixedThreadPool(KIOSKS);
			for (int k = 0; k < KIOSKS; k++) {
				int kiosk = k;
				kiosks.submit(() -> {
					KioskClient patient = app.kiosk();
					List<HealthQuestion> yes = (kiosk % 5 == 0) ? List.of(HealthQuestion.SADDLE_NUMBNESS)
							: (kiosk % 2 == 0) ? List.of(HealthQuestion.EPILEPSY) : List.of();
					while (!killed.get()) {
						try {
							KioskClient.Handoff handoff = patient.screen(20 + kiosk, yes);
							// the whole handoff page has arrived: the patient has seen this code
							if (handoff.code() != null) {
								shown.add(handoff.code());
							}
							else {
								refused.incrementAndGet();
							}
							patient.reset(handoff);
						}
						catch (IOException | IllegalStateException ex) {
							if (!killed.get()) {
								errors.add(ex.toString());
							}
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				});
			}
			long deadline = System.nanoTime() + LONGEST_RUN.toNanos();
			long firstCode = 0;
			while (System.nanoTime() < deadline) {
				if (firstCode == 0 && !shown.isEmpty()) {
					firstCode = System.nanoTime();
				}
				if (firstCode != 0 && System.nanoTime() - firstCode > IN_FLOW.toNanos()
						&& shown.size() >= CODES_BEFORE_KILL) {
					break;
				}
				Thread.sleep(20);
			}
			// from here on, a visit cut off by the kill is no error; a code already shown still counts
			killed.set(true);
			app.kill();
			kiosks.shutdown();
			assertThat(kiosks.awaitTermination(30, TimeUnit.SECONDS)).as("the kiosks stopped").isTrue();
		}
		List<String> codes = List.copyOf(shown);
		System.out.printf("Kiosk crash: %d codes shown by %d kiosks before kill -9, %d sent to reception, %d errors%n",
				codes.size(), KIOSKS, refused.get(), errors.size());
		assertThat(errors).as("visits that failed before the kill").isEmpty();
		assertThat(codes).as("codes shown before the kill").hasSizeGreaterThanOrEqualTo(KIOSKS).doesNotHaveDuplicates();

		try (KioskProcess restarted = KioskProcess.start(this.folder, "after-kill")) {
			Map<String, Integer> lookedUp = restarted.staffLookUp(codes);
			List<String> missing = lookedUp.entrySet()
				.stream()
				.filter((e) -> e.getValue() != 200)
				.map((e) -> e.getKey() + " (" + e.getValue() + ")")
				.toList();
			assertThat(missing).as("of %d codes shown before kill -9, those staff cannot find after the restart",
					codes.size()).isEmpty();
			assertThat(restarted.health().storage()).as("storage after the restart").isEqualTo("UP");
		}
	}

}
