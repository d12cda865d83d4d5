package org.backsafe.rulebase;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.backsafe.rulebase.RuleProblem.Kind;
import org.backsafe.screening.Technique;
import org.backsafe.support.RuleFolder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The compiler on small rule folders: what it accepts, and each way it refuses with file and line. */
class RuleBaseCompilerTests {

	@TempDir
	Path dir;

	/** A folder with one good rule, to which each test adds its own fault. */
	RuleFolder goodFolder() {
		return RuleFolder.in(this.dir).rule("good.drl", "good-rule", "Pain()", "insert(new Advice());");
	}

	List<RuleProblem> problemsOf(RuleFolder folder) {
		RuleBaseRejected rejected = catchThrowableOfType(RuleBaseRejected.class, folder::compile);
		assertThat(rejected).as("the compiler should refuse this folder").isNotNull();
		return rejected.problems();
	}

	@Nested
	class Accepts {

		@Test
		void aGoodFolderWithItsRulesDescribedAndWorded() {
			RuleBase ruleBase = goodFolder()
				.write("technique.drl", RuleFolder.HEADER + """
						rule "Technique: one with a technique"
							@id("with-technique")
							@source("somewhere")
							@technique("SWEDISH, HOT_STONE")
						when
							Pain()
						then
							insert(new Indication(Technique.SWEDISH));
						end
						""")
				.append("messages.properties", "with-technique=English words\n")
				.append("messages_es.properties", "with-technique=Palabras\n")
				.compile();
			assertThat(ruleBase.rules()).extracting(RuleDescription::id).containsExactly("good-rule", "with-technique");
			RuleDescription technique = ruleBase.rules().get(1);
			assertThat(technique.name()).isEqualTo("Technique: one with a technique");
			assertThat(technique.file()).isEqualTo("technique.drl");
			assertThat(technique.line()).isEqualTo(6);
			assertThat(technique.source()).isEqualTo("somewhere");
			assertThat(technique.techniques()).containsExactly(Technique.SWEDISH, Technique.HOT_STONE);
			assertThat(ruleBase.wording("with-technique", Locale.ENGLISH)).hasValue("English words");
			assertThat(ruleBase.wording("with-technique", Locale.forLanguageTag("es"))).hasValue("Palabras");
			assertThat(ruleBase.wording("with-technique", Locale.GERMAN)).hasValue("English words");
			assertThat(ruleBase.version()).isEqualTo(RuleFiles.fromFolder(RuleBaseCompilerTests.this.dir).version());
			assertThat(ruleBase.scenarios()).isEmpty();
		}

		@Test
		void theTableOfSourcesWithTheRulesOfItsVersion() {
			RuleBase ruleBase = goodFolder().write("cited.drl", RuleFolder.HEADER + """
					rule "Cited: a rule that cites a document"
						@id("cited")
						@source("001_3749b9a02460a9d9.txt, Safety Tip; clinical pack: NICE NG59")
					when
						Pain()
					then
						insert(new Advice());
					end
					""")
				.append("messages.properties", "cited=x\n")
				.append("messages_es.properties", "cited=x\n")
				.write("sources.properties", "001_3749b9a02460a9d9.txt=Massage Techniques for Relieving Back Pain\n"
						+ "clinical-pack.description=Published guidance\n")
				.write("sources_es.properties", "clinical-pack.description=Guías publicadas\n")
				.compile();
			assertThat(ruleBase.sources().words(ruleBase.rules().get(0).source(), Locale.ENGLISH))
				.isEqualTo("Massage Techniques for Relieving Back Pain, \"Safety Tip\"; Clinical pack: NICE NG59");
			assertThat(ruleBase.sources().clinicalPackDescription(Locale.forLanguageTag("es"))).hasValue("Guías publicadas");
		}

		@Test
		void theRealRules() {
			RuleBase ruleBase = RuleBaseCompiler.compile(RuleFiles.fromFolder(RuleFolder.REAL_RULES));
			assertThat(ruleBase.rules()).hasSizeGreaterThan(40)
				.allSatisfy((rule) -> assertThat(rule.source()).isNotBlank())
				.allSatisfy((rule) -> assertThat(ruleBase.sources().words(rule.source(), Locale.ENGLISH))
					.isNotBlank()
					.doesNotContain(".txt"));
			assertThat(ruleBase.scenarios()).isNotEmpty();
		}

	}

	@Nested
	class Refuses {

		@Test
		void aSyntaxErrorWithItsFileAndLine() {
			List<RuleProblem> problems = problemsOf(goodFolder().write("broken.drl", RuleFolder.HEADER + """
					rule "Broken: a rule with no then"
						@id("broken")
						@source("somewhere")
					when
						Pain()
						insert(new Advice());
					end
					"""));
			assertThat(problems).isNotEmpty().allSatisfy((p) -> {
				assertThat(p.kind()).isEqualTo(Kind.COMPILE);
				assertThat(p.file()).isEqualTo("broken.drl");
			});
			// The rule starts on line 6; without "then", the parser stumbles on "end", on line 12.
			assertThat(problems.get(0).line()).isEqualTo(12);
			assertThat(problems.get(0).toString()).startsWith("[COMPILE] broken.drl:12: ")
				.contains("mismatched input 'end'");
		}

		@Test
		void aParserCrashWithItsLineButWithoutItsStackTrace() {
			// An unclosed bracket makes the Drools parser throw; its message carries the whole stack
			// trace, which must not reach the author's screen or the health endpoint.
			List<RuleProblem> problems = problemsOf(goodFolder().write("crash.drl", RuleFolder.HEADER + """
					rule "Crash: an unclosed bracket"
						@id("crash")
						@source("somewhere")
					when
						Pain(
					end
					"""));
			assertThat(problems).isNotEmpty().allSatisfy((p) -> {
				assertThat(p.file()).isEqualTo("crash.drl");
				assertThat(p.message()).doesNotContain("\tat ", "Stack trace", "DRL6Parser").doesNotContain("\n");
			});
			assertThat(problems.get(0).line()).isEqualTo(12);
		}

		@Test
		void aTypeErrorInAConditionWithItsFile() {
			List<RuleProblem> problems = problemsOf(goodFolder().write("typo.drl", RuleFolder.HEADER + """
					rule "Typo: a field that does not exist"
						@id("typo")
						@source("somewhere")
					when
						Pain(sevrity > 5)
					then
						insert(new Advice());
					end
					"""));
			assertThat(problems).anySatisfy((p) -> {
				assertThat(p.file()).isEqualTo("typo.drl");
				assertThat(p.line()).isPositive();
				assertThat(p.message()).contains("sevrity");
			});
		}

		@Test
		void aRuleWithoutAnId() {
			List<RuleProblem> problems = problemsOf(goodFolder().write("no-id.drl", RuleFolder.HEADER + """
					rule "No id: a rule that forgot its id"
						@source("somewhere")
					when
						Pain()
					then
						insert(new Advice());
					end
					"""));
			assertThat(problems).singleElement().satisfies((p) -> {
				assertThat(p.file()).isEqualTo("no-id.drl");
				assertThat(p.line()).isEqualTo(6);
				assertThat(p.message()).contains("No id: a rule that forgot its id").contains("has no @id");
			});
		}

		@Test
		void aRuleWithoutASource() {
			List<RuleProblem> problems = problemsOf(goodFolder().write("no-source.drl", RuleFolder.HEADER + """
					rule "No source: a rule that forgot its source"
						@id("no-source")
					when
						Pain()
					then
						insert(new Advice());
					end
					""").append("messages.properties", "no-source=x\n").append("messages_es.properties", "no-source=x\n"));
			assertThat(problems).singleElement().satisfies((p) -> {
				assertThat(p.file()).isEqualTo("no-source.drl");
				assertThat(p.line()).isEqualTo(6);
				assertThat(p.message()).contains("(no-source) has no @source");
			});
		}

		@Test
		void twoRulesWithTheSameId() {
			List<RuleProblem> problems = problemsOf(goodFolder().write("again.drl", RuleFolder.HEADER + """
					rule "Again: another rule with the good id"
						@id("good-rule")
						@source("somewhere")
					when
						Pain()
					then
						insert(new Advice());
					end
					"""));
			assertThat(problems).singleElement().satisfies((p) -> {
				assertThat(p.message()).contains("uses the id good-rule, already used by");
				assertThat(List.of(p.file())).containsAnyOf("again.drl", "good.drl");
			});
		}

		@Test
		void aRuleWithoutSpanishWording() {
			RuleFolder folder = goodFolder().rule("more.drl", "more-rule", "Pain()", "insert(new Advice());");
			folder.write();
			folder.write("messages_es.properties", "good-rule=Palabras\n");
			List<RuleProblem> problems = problemsOf(folder);
			assertThat(problems).singleElement().satisfies((p) -> {
				assertThat(p.kind()).isEqualTo(Kind.CONTENT);
				assertThat(p.file()).isEqualTo("messages_es.properties");
				assertThat(p.message()).contains("no wording for rule more-rule").contains("more.drl");
			});
		}

		@Test
		void aMissingWordingFile() {
			RuleFolder folder = goodFolder().write();
			folder.dir().resolve("messages_es.properties").toFile().delete();
			assertThat(problemsOf(folder)).singleElement()
				.satisfies((p) -> assertThat(p.toString()).contains("messages_es.properties")
					.contains("wording file for language \"es\" is missing"));
		}

		@Test
		void aFileInTheWrongPackage() {
			List<RuleProblem> problems = problemsOf(goodFolder().write("elsewhere.drl", """
					package org.somewhere.other;

					import org.backsafe.screening.facts.*;

					rule "Elsewhere: a rule in another package"
						@id("elsewhere")
						@source("somewhere")
					when
						Pain()
					then
						insert(new Advice());
					end
					""").append("messages.properties", "elsewhere=x\n").append("messages_es.properties", "elsewhere=x\n"));
			assertThat(problems).singleElement().satisfies((p) -> {
				assertThat(p.file()).isEqualTo("elsewhere.drl");
				assertThat(p.line()).isEqualTo(5);
				assertThat(p.message()).contains("is in package org.somewhere.other")
					.contains("must start with \"package org.backsafe.rules;\"");
			});
		}

		@Test
		void onlyFilesInTheWrongPackage() {
			RuleFolder folder = RuleFolder.in(RuleBaseCompilerTests.this.dir).write("elsewhere.drl", """
					package org.somewhere.other;

					import org.backsafe.screening.facts.*;

					rule "Elsewhere: a rule in another package"
						@id("elsewhere")
						@source("somewhere")
					when
						Pain()
					then
						insert(new Advice());
					end
					""").append("messages.properties", "elsewhere=x\n").append("messages_es.properties", "elsewhere=x\n");
			assertThat(problemsOf(folder)).anySatisfy(
					(p) -> assertThat(p.toString()).contains("elsewhere.drl").contains("package org.backsafe.rules"));
		}

		@Test
		void anUnknownTechnique() {
			List<RuleProblem> problems = problemsOf(goodFolder().write("technique.drl", RuleFolder.HEADER + """
					rule "Technique: a made-up technique"
						@id("made-up")
						@source("somewhere")
						@technique("SWEDISH, REIKI")
					when
						Pain()
					then
						insert(new Advice());
					end
					""").append("messages.properties", "made-up=x\n").append("messages_es.properties", "made-up=x\n"));
			assertThat(problems).singleElement().satisfies((p) -> {
				assertThat(p.file()).isEqualTo("technique.drl");
				assertThat(p.message()).contains("unknown technique REIKI");
			});
		}

		@Test
		void aSourceCitingADocumentWithNoTitleWithItsFileAndLine() {
			List<RuleProblem> problems = problemsOf(goodFolder().write("cited.drl", RuleFolder.HEADER + """
					rule "Cited: a rule that cites an unknown document"
						@id("cited")
						@source("001_3749b9a02460a9d9.txt, Safety Tip (as 002_0000000000000000.txt, Stretching also says)")
					when
						Pain()
					then
						insert(new Advice());
					end
					""")
				.append("messages.properties", "cited=x\n")
				.append("messages_es.properties", "cited=x\n")
				.write("sources.properties", "001_3749b9a02460a9d9.txt=Massage Techniques for Relieving Back Pain\n"));
			assertThat(problems).singleElement().satisfies((p) -> {
				assertThat(p.kind()).isEqualTo(Kind.COMPILE);
				assertThat(p.file()).isEqualTo("cited.drl");
				assertThat(p.line()).isEqualTo(6);
				assertThat(p.message()).contains("(cited) cites 002_0000000000000000.txt")
					.contains("no title in sources.properties")
					.contains("add a line \"002_0000000000000000.txt=");
			});
		}

		@Test
		void aSourceCitingADocumentWithNoTableAtAll() {
			List<RuleProblem> problems = problemsOf(goodFolder().write("cited.drl", RuleFolder.HEADER + """
					rule "Cited: a rule that cites a document"
						@id("cited")
						@source("000_e142765fd6634e76.txt, Heat Therapy")
					when
						Pain()
					then
						insert(new Advice());
					end
					""").append("messages.properties", "cited=x\n").append("messages_es.properties", "cited=x\n"));
			assertThat(problems).singleElement()
				.satisfies((p) -> assertThat(p.toString()).startsWith("[COMPILE] cited.drl:6: ")
					.contains("cites 000_e142765fd6634e76.txt, which has no title"));
		}

		@Test
		void aFolderWithNoRuleFiles() {
			RuleFolder folder = RuleFolder.in(RuleBaseCompilerTests.this.dir)
				.write("messages.properties", "")
				.write("notes.txt", "rules go here");
			assertThat(problemsOf(folder)).singleElement()
				.satisfies((p) -> assertThat(p.message()).startsWith("no rule files"));
		}

		@Test
		void aMalformedScenarioFile() {
			List<RuleProblem> problems = problemsOf(goodFolder().write("scenarios/bad.yaml", """
					- scenario: A fine one
					  expect: {disposition: PROCEED}
					- scenario: One with a typo
					  conditons: [EPILEPSY]
					  expect: {disposition: PROCEED}
					"""));
			assertThat(problems).singleElement().satisfies((p) -> {
				assertThat(p.kind()).isEqualTo(Kind.CONTENT);
				assertThat(p.file()).isEqualTo("scenarios/bad.yaml");
				assertThat(p.line()).isEqualTo(3);
				assertThat(p.message()).contains("One with a typo").contains("unknown key \"conditons\"");
			});
		}

		@Test
		void everyProblemAtOnce() {
			List<RuleProblem> problems = problemsOf(goodFolder().write("no-id.drl", RuleFolder.HEADER + """
					rule "No id: forgot"
						@source("somewhere")
					when
						Pain()
					then
						insert(new Advice());
					end
					""").write("scenarios/bad.yaml", "- scenario: x\n  expect: {disposition: MAYBE}\n"));
			assertThat(problems).hasSize(2);
			assertThat(problems).extracting(RuleProblem::file).containsExactlyInAnyOrder("no-id.drl", "scenarios/bad.yaml");
		}

	}

}
