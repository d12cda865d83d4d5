package org.backsafe.rulebase;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.backsafe.support.RuleFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleFilesTests {

	@TempDir
	Path dir;

	RuleFolder folder;

	@BeforeEach
	void writeFolder() {
		this.folder = RuleFolder.in(this.dir)
			.write("a.drl", "rule a")
			.write("messages.properties", "a=words")
			.write("scenarios/a.yaml", "- scenario: a");
	}

	@Nested
	class Snapshot {

		@Test
		void holdsTheRuleFilesByPathInTheFolder() {
			RuleFiles files = RuleFiles.fromFolder(RuleFilesTests.this.dir);
			assertThat(files.all()).containsOnlyKeys("a.drl", "messages.properties", "scenarios/a.yaml");
			assertThat(files.text("a.drl")).isEqualTo("rule a");
			assertThat(files.matching(".drl")).containsOnlyKeys("a.drl");
			assertThat(files.origin()).isEqualTo(RuleFilesTests.this.dir.toAbsolutePath().normalize().toString());
		}

		@Test
		void ignoresEditorSwapAndBackupFilesAndOtherFiles() {
			RuleFilesTests.this.folder.write(".a.drl.swp", "vim swap")
				.write("a.drl~", "backup")
				.write(".#a.drl", "emacs lock")
				.write("4913", "vim probe")
				.write("notes.txt", "notes")
				.write("loose.yaml", "- scenario: not in scenarios/")
				.write("scenarios/.b.yaml.swp", "swap");
			assertThat(RuleFiles.fromFolder(RuleFilesTests.this.dir).all()).containsOnlyKeys("a.drl",
					"messages.properties", "scenarios/a.yaml");
		}

		@Test
		void ignoresHiddenFoldersSuchAsAConfigMapsDataFolder() {
			// a Kubernetes ConfigMap volume: each file is a link into "..data/", which holds the real ones
			RuleFilesTests.this.folder.write("..2026_12_03_14_00_00.123/a.drl", "rule a")
				.write("..2026_12_03_14_00_00.123/scenarios/a.yaml", "- scenario: a")
				.write(".git/config.properties", "not rules");
			assertThat(RuleFiles.fromFolder(RuleFilesTests.this.dir).all()).containsOnlyKeys("a.drl",
					"messages.properties", "scenarios/a.yaml");
		}

		@Test
		void takesDecisionTablesAndEveryLanguage() {
			RuleFilesTests.this.folder.write("table.drl.csv", "RuleSet,org.backsafe.rules")
				.write("old.drl.xls", "an Excel 97 table")
				.write("new.drl.xlsx", "an Excel table")
				.write("messages_es.properties", "a=palabras")
				.write("scenarios/more/b.yml", "- scenario: b");
			assertThat(RuleFiles.fromFolder(RuleFilesTests.this.dir).all()).containsKeys("table.drl.csv", "old.drl.xls",
					"new.drl.xlsx", "messages_es.properties", "scenarios/more/b.yml");
		}

		/** The builder would skip them without a word: they are read so that the compiler refuses them by name. */
		@Test
		void takesSpreadsheetsTheBuilderWouldSkip() {
			RuleFilesTests.this.folder.write("plain.csv", "a table without .drl in its name")
				.write("table.xls", "the same")
				.write("TABLE.DRL.CSV", "upper case");
			assertThat(RuleFiles.fromFolder(RuleFilesTests.this.dir).all()).containsKeys("plain.csv", "table.xls",
					"TABLE.DRL.CSV");
			assertThat(RuleFiles.isStrayTable("plain.csv")).isTrue();
			assertThat(RuleFiles.isStrayTable("TABLE.DRL.CSV")).isTrue();
			assertThat(RuleFiles.isStrayTable("table.drl.xls")).isFalse();
		}

		@Test
		void aMissingFolderIsAnErrorThatNamesIt() {
			Path missing = RuleFilesTests.this.dir.resolve("nowhere");
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> RuleFiles.fromFolder(missing))
				.withMessageContaining("nowhere");
		}

	}

	@Nested
	class Version {

		String version() {
			return RuleFiles.fromFolder(RuleFilesTests.this.dir).version();
		}

		@Test
		void isTwelveHexDigitsAndStable() {
			assertThat(version()).matches("[0-9a-f]{12}").isEqualTo(version());
		}

		@Test
		void changesWhenAFileChanges() {
			String before = version();
			RuleFilesTests.this.folder.write("messages.properties", "a=other words");
			assertThat(version()).isNotEqualTo(before);
		}

		@Test
		void changesWhenAFileIsAddedOrRenamed() {
			String before = version();
			RuleFilesTests.this.folder.write("b.drl", "rule a");
			String added = version();
			assertThat(added).isNotEqualTo(before);
			RuleFilesTests.this.dir.resolve("b.drl").toFile().renameTo(RuleFilesTests.this.dir.resolve("c.drl").toFile());
			assertThat(version()).isNotEqualTo(added).isNotEqualTo(before);
		}

		@Test
		void doesNotChangeWhenAnEditorLeavesASwapFile() {
			String before = version();
			RuleFilesTests.this.folder.write(".a.drl.swp", "swap").write("a.drl~", "backup");
			assertThat(version()).isEqualTo(before);
		}

		@Test
		void dependsOnContentNotOnWhereTheFolderIs(@TempDir Path other) {
			RuleFolder.in(other)
				.write("a.drl", "rule a")
				.write("messages.properties", "a=words")
				.write("scenarios/a.yaml", "- scenario: a");
			assertThat(RuleFiles.fromFolder(other).version()).isEqualTo(version());
		}

	}

	@Nested
	class Packaged {

		@Test
		void isACopyOfTheRulesFolder() {
			RuleFiles packaged = RuleFiles.packaged();
			RuleFiles folder = RuleFiles.fromFolder(RuleFolder.REAL_RULES);
			assertThat(packaged.all().keySet()).isEqualTo(folder.all().keySet()).contains("messages.properties",
					"messages_es.properties");
			assertThat(packaged.matching(".drl")).isNotEmpty();
			assertThat(packaged.version()).isEqualTo(folder.version());
			assertThat(packaged.origin()).contains("packaged copy");
		}

		@Test
		void compiles() {
			RuleBase ruleBase = RuleBaseCompiler.compile(RuleFiles.packaged());
			assertThat(ruleBase.rules()).isNotEmpty();
			assertThat(ruleBase.files().origin()).contains("packaged copy");
		}

	}

}
