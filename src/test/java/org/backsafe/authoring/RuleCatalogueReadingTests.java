package org.backsafe.authoring;

import java.util.List;
import java.util.Map;

import org.backsafe.authoring.RuleReading.Condition;
import org.backsafe.authoring.RuleReading.FactUsed;
import org.backsafe.authoring.RuleReading.Reading;
import org.backsafe.rulebase.RuleFiles;
import org.backsafe.rulebase.RulesFolder;
import org.backsafe.screening.Disposition;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the catalogue reads from the shipped rules' text: the conditions on age and severity, the
 * derived facts a rule needs, and what it concludes; and the group that puts it in.
 */
class RuleCatalogueReadingTests {

	static final Map<String, Reading> SHIPPED = RuleReading.of(RuleFiles.fromFolder(RulesFolder.PROJECT_RULES));

	static Reading rule(String name) {
		assertThat(SHIPPED).containsKey(name);
		return SHIPPED.get(name);
	}

	@Nested
	class Reads {

		@Test
		void theMinorFallRuleReadsTheAge() {
			assertThat(rule("Clinical pack: pain after a small fall at 50 or over needs a doctor first").conditions())
				.containsExactly(new Condition("age", "age >= 50"));
		}

		@Test
		void theYoungPersonRuleReadsBothBoundsOfTheAge() {
			assertThat(rule("Clinical pack: a young person of 16 to 19 with pain for 6 weeks or more sees a doctor first")
				.conditions()).extracting(Condition::text).contains("age >= 16", "age < 20");
		}

		@Test
		void theSeverePainRuleReadsTheSeverity() {
			assertThat(rule("Severe pain: firm and rolling techniques use light pressure only").conditions())
				.containsExactly(new Condition("severity", "severity >= 7"));
		}

		@Test
		void aConditionOnACodeIsLeftToTheCodes() {
			assertThat(rule("Advice: with long-term pain, learn self-massage from a trained therapist").conditions())
				.isEmpty();
		}

		@Test
		void aTipNeedsNoReasonForNoMassageToday() {
			assertThat(rule("Advice: with long-term pain, learn self-massage from a trained therapist").facts())
				.contains(new FactUsed("NoMassageToday", true));
		}

		@Test
		void aDecisionTableRowIsReadToo() {
			Reading swedish = rule("Swedish massage: indicated for tension caused by stress");
			assertThat(swedish.inserts()).containsExactly("Indication");
		}

	}

	@Nested
	class Groups {

		@Test
		void aRedFlagAndItsUrgentReferralAreRedFlags() {
			assertThat(group("Red flags: numbness in the saddle area is a red flag")).isEqualTo(RuleGroup.RED_FLAGS);
			assertThat(rule("Referrals: a red flag means an emergency department now, and no massage").referrals())
				.containsExactly(Disposition.URGENT_CARE);
			assertThat(group("Referrals: a red flag means an emergency department now, and no massage"))
				.isEqualTo(RuleGroup.RED_FLAGS);
		}

		@Test
		void eachShippedRuleIsInTheGroupOfWhatItConcludes() {
			assertThat(group("Clinical pack: pain after a small fall at 50 or over needs a doctor first"))
				.isEqualTo(RuleGroup.DOCTOR_FIRST);
			assertThat(group("Referrals: a passing illness means no massage until you are well"))
				.isEqualTo(RuleGroup.WAIT_UNTIL_WELL);
			assertThat(group("Illness: a cold or feeling unwell today is a passing illness"))
				.isEqualTo(RuleGroup.WAIT_UNTIL_WELL);
			assertThat(group("Severe pain: firm and rolling techniques use light pressure only"))
				.isEqualTo(RuleGroup.TECHNIQUE_RESTRICTIONS);
			assertThat(group("Self-massage: shiatsu is best done by a therapist"))
				.isEqualTo(RuleGroup.TECHNIQUE_RESTRICTIONS);
			assertThat(group("Swedish massage: indicated for tension caused by stress")).isEqualTo(RuleGroup.INDICATIONS);
			assertThat(group("Advice: with long-term pain, learn self-massage from a trained therapist"))
				.isEqualTo(RuleGroup.ADVICE);
		}

		@Test
		void aRuleThatOnlyDerivesAFactForOthersComesLast() {
			assertThat(group("Bones: osteoporosis or long-term steroids mean fragile bones")).isEqualTo(RuleGroup.FACTS);
			assertThat(List.of(RuleGroup.values())).last().isEqualTo(RuleGroup.FACTS);
		}

		@Test
		void theGroupsFollowTheScreeningAndHaveStableAnchors() {
			assertThat(List.of(RuleGroup.values())).extracting(RuleGroup::anchor)
				.containsExactly("group-red-flags", "group-doctor-first", "group-wait-until-well",
						"group-technique-restrictions", "group-indications", "group-advice", "group-facts");
		}

		@Test
		void everyShippedRuleConcludesSomething() {
			assertThat(SHIPPED.values()).allSatisfy((r) -> assertThat(r.inserts()).isNotEmpty());
		}

		private RuleGroup group(String name) {
			return RuleGroup.of(rule(name));
		}

	}

}
