package org.backsafe.rulebase;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app as it starts by default: the project's rules, exactly as the build gated them, serve on
 * the build's record, and the whole gate runs on them here once Spring says the app has started.
 */
@SpringBootTest(properties = { "backsafe.rules.trust-build-record=true", "backsafe.rules.check-after-start=true" })
class BuildGateRecordStartTests {

	@Autowired
	RuleBaseLoader loader;

	@Test
	@Timeout(120)
	void theProjectsRulesServeOnTheBuildsRecordAndPassTheGateHereAfterTheStart() throws Exception {
		RuleBase serving = this.loader.holder().serving().orElseThrow();
		assertThat(serving.gatedAtBuild()).as("served on the build's record").isTrue();
		assertThat(this.loader.awaitAhead(Duration.ofSeconds(60))).as("the work after the start ran, on Spring's ready event").isTrue();
		RuleBase gated = this.loader.holder().serving().orElseThrow();
		assertThat(gated.gatedHere()).isTrue();
		assertThat(gated.version()).isEqualTo(serving.version());
		assertThat(this.loader.holder().lastFailure()).isEmpty();
	}

}
