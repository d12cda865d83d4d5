package org.backsafe.cdshooks;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.backsafe.cdshooks.PatientRecord.Coding;
import org.backsafe.cdshooks.PatientRecord.Entry;
import org.backsafe.screening.ScreeningRequest;

/**
 * What a record answers: each health question answered Yes by the record, with the entry and code
 * that answered it, and the ages the birth date allows. A question the record does not answer is
 * left unanswered, never taken as No: the card lists it as still to ask.
 *
 * @param ages the ages to screen at: one, or two when the birth date gives only a year or a month,
 * or {@link #AGES_WHEN_UNKNOWN} when the record has no birth date
 */
record RecordAnswers(Map<org.backsafe.screening.HealthQuestion, Answer> yes, SortedSet<Integer> ages,
		AgeSource ageSource, int unreadable) {

	/**
	 * Without a birth date, every age band the rules tell apart is screened (under 16, 16 to 19, 20
	 * to 49, 50 and over, and old age), and the result that needs the most care is kept: no age the
	 * patient may turn out to have can need less than that. This costs a few screenings of tens of
	 * microseconds each, on a rare record.
	 */
	static final List<Integer> AGES_WHEN_UNKNOWN = List.of(10, 15, 16, 19, 20, 35, 49, 50, 65, 80, 95);

	enum AgeSource {

		BIRTH_DATE, NO_BIRTH_DATE

	}

	/** One question answered Yes: the record's entry, the code that matched and the table's row. */
	record Answer(Entry entry, Coding coding, RecordCodes.Row row) {
	}

	static RecordAnswers of(PatientRecord record, RecordCodes codes, LocalDate today) {
		Map<org.backsafe.screening.HealthQuestion, Answer> yes = new EnumMap<>(
				org.backsafe.screening.HealthQuestion.class);
		for (Entry entry : record.entries()) {
			for (Coding coding : entry.codings()) {
				for (RecordCodes.Row row : codes.answers(coding.system(), coding.code())) {
					yes.putIfAbsent(row.question(), new Answer(entry, coding, row));
				}
			}
		}
		SortedSet<Integer> ages = new TreeSet<>();
		AgeSource source;
		if (record.birthDate() == null) {
			ages.addAll(AGES_WHEN_UNKNOWN);
			source = AgeSource.NO_BIRTH_DATE;
		}
		else {
			if (record.birthDate().earliest().isAfter(today)) {
				throw CdsRefused.badRequest("prefetch.patient.birthDate is in the future");
			}
			int oldest = Period.between(record.birthDate().earliest(), today).getYears();
			LocalDate latest = record.birthDate().latest().isAfter(today) ? today : record.birthDate().latest();
			int youngest = Period.between(latest, today).getYears();
			if (oldest > ScreeningRequest.MAX_AGE) {
				throw CdsRefused.badRequest("prefetch.patient.birthDate gives an age over " + ScreeningRequest.MAX_AGE);
			}
			for (int age = youngest; age <= oldest; age++) {
				ages.add(age);
			}
			source = AgeSource.BIRTH_DATE;
		}
		return new RecordAnswers(yes, ages, source, record.unreadable());
	}

	List<Answer> answers() {
		return new ArrayList<>(this.yes.values());
	}

}
