package org.backsafe.rulebase;

import java.util.Optional;

/**
 * Rule files that passed the whole gate elsewhere (the {@code publish} command, against the
 * database), with the record of what passed: the content, the code that gated it, and the
 * scenario coverage. A replica serves them once compiled when the record vouches for them and for
 * its own code; run by other code, they go through the whole gate here first.
 *
 * @param files the admitted files
 * @param record what the gate proved about them
 */
public record AdmittedRules(RuleFiles files, BuildGateRecord record) {

	/**
	 * Where the rules to serve come from when it is not a folder: the active version of a store
	 * shared by several replicas. The loader asks it for every load.
	 */
	public interface Source {

		/**
		 * The version to serve now, with its record; empty when there is none yet.
		 * @throws RuntimeException when the store cannot be read (the loader keeps what serves)
		 */
		Optional<AdmittedRules> active();

		/** Where the rules come from, in words for the log and health. */
		String describe();

	}

}
