package org.backsafe.ruleversions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.backsafe.rulebase.BuildGateRecord;
import org.backsafe.rulebase.RuleFiles;
import org.backsafe.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared store of rule versions on a real PostgreSQL, migrated from empty: a published version
 * is made ready before it is active, and publish waits only for the replicas that are there.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RuleVersionStorePostgresTests {

	private static TestPostgres postgres;

	@Autowired
	private DataSource dataSource;

	@BeforeAll
	static void startFromAnEmptySchema() {
		postgres = TestPostgres.require();
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		postgres.register(registry);
	}

	@AfterAll
	static void dropSchema() {
		if (postgres != null) {
			postgres.dropSchema();
		}
	}

	@Test
	void aVersionIsActiveOnlyOnceActivatedAndOnlyWhileNoLaterPublishHasAskedForAnother() {
		RuleVersionStore store = new RuleVersionStore(this.dataSource);
		RuleFiles first = files("rule \"one\"");
		RuleFiles second = files("rule \"two\"");

		store.admit(first, recordOf(first), null, "the first publish");
		assertThat(store.preparingContentVersion()).contains(first.contentVersion());
		assertThat(store.preparing().orElseThrow().files().get("a.drl")).isEqualTo(first.all().get("a.drl"));
		assertThat(store.activeContentVersion()).as("ready first, active later").isEmpty();

		store.admit(second, recordOf(second), null, "a second publish, meanwhile");
		assertThat(store.activate(first.contentVersion())).as("the first publish may not activate").isFalse();
		assertThat(store.activeContentVersion()).isEmpty();

		assertThat(store.activate(second.contentVersion())).isTrue();
		assertThat(store.activeContentVersion()).contains(second.contentVersion());
		assertThat(store.preparingContentVersion()).isEmpty();
		assertThat(store.active().orElseThrow().files().get("a.drl")).isEqualTo(second.all().get("a.drl"));
		assertThat(store.activate(second.contentVersion())).as("nothing is being prepared now").isFalse();
	}

	@Test
	void aReplicaCountsWhileItSaysWhatItServesAndNotOnceItStopsOrFallsSilent() {
		RuleVersionStore store = new RuleVersionStore(this.dataSource);
		store.sawReplica("a", "serving", "next", Duration.ofSeconds(5));
		store.sawReplica("b", "serving", null, Duration.ofSeconds(5));
		assertThat(store.replicas()).extracting(RuleVersionStore.Replica::name).containsExactly("a", "b");
		assertThat(store.replicas()).allSatisfy((replica) -> assertThat(replica.live()).isTrue());
		assertThat(store.replicas()).filteredOn((replica) -> replica.hasReady("next"))
			.extracting(RuleVersionStore.Replica::name)
			.containsExactly("a");
		assertThat(store.replicas()).allSatisfy((replica) -> assertThat(replica.hasReady("serving")).isTrue());

		store.sawReplica("b", "serving", "next", Duration.ofSeconds(5)); // says it again, now with it ready
		assertThat(store.replicas()).allSatisfy((replica) -> assertThat(replica.hasReady("next")).isTrue());

		store.forgetReplica("a");
		assertThat(store.replicas()).extracting(RuleVersionStore.Replica::name).containsExactly("b");

		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		jdbc.sql("UPDATE rule_version_replica SET seen_at = CURRENT_TIMESTAMP - INTERVAL '31' SECOND").update();
		assertThat(store.replicas()).singleElement().satisfies((replica) -> assertThat(replica.live()).isFalse());
		store.forgetGoneReplicas();
		assertThat(store.replicas()).as("silent for 31 s: not waited for, but not forgotten").hasSize(1);
		jdbc.sql("UPDATE rule_version_replica SET seen_at = CURRENT_TIMESTAMP - INTERVAL '2' DAY").update();
		store.forgetGoneReplicas();
		assertThat(store.replicas()).isEmpty();
	}

	private static RuleFiles files(String rule) {
		byte[] text = ("package org.backsafe.rules;\n" + rule + "\n").getBytes(StandardCharsets.UTF_8);
		return RuleFiles.of(Map.of("a.drl", text), "a test");
	}

	private static BuildGateRecord recordOf(RuleFiles files) {
		return new BuildGateRecord(files.contentVersion(), "the code", Map.of());
	}

}
