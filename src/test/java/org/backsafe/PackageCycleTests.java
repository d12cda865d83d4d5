package org.backsafe;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph of the app's own classes has no cycle, and the core (the engine, facts,
 * vocabulary and fold) depends on no other package of the app.
 */
class PackageCycleTests {

	private static final JavaClasses APP = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.backsafe");

	/**
	 * The one edge left from the core to the rule base: ResultWording still reads wording from the
	 * rule base. It leaves the core with the one worded result (issue 12), and this exception with it.
	 */
	private static final String WORDING = "org.backsafe.screening.ResultWording";

	@Test
	void noPackageDependsOnItselfThroughOthers() {
		slices().assignedFrom(EVERY_PACKAGE_THE_CORE_AS_ONE)
			.should()
			.beFreeOfCycles()
			.ignoreDependency(JavaClass.Predicates.belongToAnyOf(wording()), resideInAPackage("org.backsafe.rulebase.."))
			.check(APP);
	}

	@Test
	void theCoreDependsOnNoOtherPackageOfTheApp() {
		noClasses().that()
			.resideInAPackage("org.backsafe.screening..")
			.and(JavaClass.Predicates.belongToAnyOf(wording()).negate())
			.should()
			.dependOnClassesThat(resideInAPackage("org.backsafe..").and(resideOutsideOfPackage("org.backsafe.screening..")))
			.check(APP);
	}

	/**
	 * Each package is a slice of its own, but for the core: its facts use its vocabulary and its
	 * engine inserts its facts, so {@code screening} and {@code screening.facts} are one unit.
	 */
	private static final SliceAssignment EVERY_PACKAGE_THE_CORE_AS_ONE = new SliceAssignment() {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			String name = javaClass.getPackageName();
			if (!name.startsWith("org.backsafe")) {
				return SliceIdentifier.ignore();
			}
			return SliceIdentifier.of(name.startsWith("org.backsafe.screening") ? "org.backsafe.screening (core)" : name);
		}

		@Override
		public String getDescription() {
			return "every package of org.backsafe, with screening and screening.facts as one core";
		}

	};

	private static Class<?> wording() {
		try {
			return Class.forName(WORDING);
		}
		catch (ClassNotFoundException ex) {
			return PackageCycleTests.class; // gone from the core: nothing is excepted
		}
	}

}
