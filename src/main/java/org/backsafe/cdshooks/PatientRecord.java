package org.backsafe.cdshooks;

import java.time.LocalDate;
import java.util.List;

/**
 * What the prefetched record says, as far as Backsafe reads it: the birth date and the coded
 * conditions and medicines that are current. {@code unreadable} counts the current entries that
 * had no code at all, which the card mentions.
 *
 * @param birthDate null when the record has none
 */
record PatientRecord(String patientId, BirthDate birthDate, List<Entry> entries, int unreadable) {

	PatientRecord {
		entries = List.copyOf(entries);
	}

	enum Kind {

		CONDITION, MEDICINE

	}

	/** A current condition or medicine and its codes; {@code text} is the record's own name for it. */
	record Entry(Kind kind, String text, List<Coding> codings) {

		Entry {
			codings = List.copyOf(codings);
		}

	}

	record Coding(String system, String code, String display) {
	}

	/**
	 * A birth date as precise as the record gives it: a day, a month or only a year, so the person
	 * was born between {@code earliest} and {@code latest}.
	 */
	record BirthDate(String asWritten, LocalDate earliest, LocalDate latest) {
	}

}
