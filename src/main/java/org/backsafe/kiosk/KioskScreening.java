package org.backsafe.kiosk;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.backsafe.result.WordedResult;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;

/**
 * One screening taken at the kiosk: the answers, the result with its reasons and the words the
 * patient was shown (in every language, see {@link StoredJson}), the rule base that answered, and
 * whether staff have reviewed it. Written once; only the review fields change.
 */
public class KioskScreening {

	private final Long id;

	private final String referenceCode;

	private final Instant screenedAt;

	private final String language;

	private final Disposition disposition;

	private final boolean completed;

	private final String ruleBaseVersion;

	private final String answers;

	private final String result;

	private final boolean reviewed;

	private final Instant reviewedAt;

	private final String reviewedBy;

	/** A row as read. */
	KioskScreening(Long id, String referenceCode, Instant screenedAt, String language, Disposition disposition,
			boolean completed, String ruleBaseVersion, String answers, String result, boolean reviewed,
			Instant reviewedAt, String reviewedBy) {
		this.id = id;
		this.referenceCode = referenceCode;
		this.screenedAt = screenedAt;
		this.language = language;
		this.disposition = disposition;
		this.completed = completed;
		this.ruleBaseVersion = ruleBaseVersion;
		this.answers = answers;
		this.result = result;
		this.reviewed = reviewed;
		this.reviewedAt = reviewedAt;
		this.reviewedBy = reviewedBy;
	}

	KioskScreening(String referenceCode, Instant screenedAt, Locale language, ScreeningRequest answers,
			ScreeningResult result, Map<String, WordedResult> wording) {
		this(null, referenceCode, screenedAt, language.toLanguageTag(), result.disposition(), result.completed(),
				(result.ruleBase() != null) ? result.ruleBase().version() : null, StoredJson.writeAnswers(answers),
				StoredJson.writeResult(result, wording), false, null, null);
	}

	/** The same screening, as stored under this id. */
	KioskScreening withId(long id) {
		return new KioskScreening(id, this.referenceCode, this.screenedAt, this.language, this.disposition,
				this.completed, this.ruleBaseVersion, this.answers, this.result, this.reviewed, this.reviewedAt,
				this.reviewedBy);
	}

	/** The answers as stored: JSON of codes. */
	String storedAnswers() {
		return this.answers;
	}

	/** The result as stored: JSON of codes and the words shown, with its schema version. */
	String storedResult() {
		return this.result;
	}

	public Long getId() {
		return this.id;
	}

	/** The code in stored form, without the separator. */
	public String getReferenceCode() {
		return this.referenceCode;
	}

	/** The code as it is shown and read aloud. */
	public String getDisplayCode() {
		return ReferenceCodes.display(this.referenceCode);
	}

	public Instant getScreenedAt() {
		return this.screenedAt;
	}

	public Locale getLanguage() {
		return Locale.forLanguageTag(this.language);
	}

	public Disposition getDisposition() {
		return this.disposition;
	}

	public boolean isCompleted() {
		return this.completed;
	}

	public String getRuleBaseVersion() {
		return this.ruleBaseVersion;
	}

	public boolean isReviewed() {
		return this.reviewed;
	}

	public Instant getReviewedAt() {
		return this.reviewedAt;
	}

	public String getReviewedBy() {
		return this.reviewedBy;
	}

	public ScreeningRequest answers() {
		return StoredJson.readAnswers(this.answers);
	}

	public ScreeningResult result() {
		return StoredJson.readResult(this.result).result();
	}

	/**
	 * The result in the words the patient was shown, in the given language (by its language, en or
	 * es); empty for a row stored before the words were kept (schema 1), whose words can only be
	 * looked up now.
	 */
	public Optional<WordedResult> wording(Locale locale) {
		return Optional.ofNullable(StoredJson.readResult(this.result).wording().get(locale.getLanguage()));
	}

	/** The version of the stored documents' schema: 1 for rows stored before versions were written. */
	public int schemaVersion() {
		return StoredJson.readResult(this.result).schemaVersion();
	}

}
