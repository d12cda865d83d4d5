package org.backsafe.kiosk;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.backsafe.result.WordedResult;
import org.backsafe.screening.Disposition;
import org.backsafe.screening.ScreeningRequest;
import org.backsafe.screening.ScreeningResult;

/**
 * One screening taken at the kiosk: the answers, the result with its reasons and the words the
 * patient was shown (in every language, see {@link StoredJson}), the rule base that answered, and
 * whether staff have reviewed it. Written once; only the review fields change.
 */
@Entity
@Table(name = "kiosk_screening")
public class KioskScreening {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "reference_code", nullable = false, updatable = false)
	private String referenceCode;

	@Column(name = "screened_at", nullable = false, updatable = false)
	private Instant screenedAt;

	@Column(nullable = false, updatable = false)
	private String language;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Disposition disposition;

	@Column(nullable = false, updatable = false)
	private boolean completed;

	@Column(name = "rule_base_version", updatable = false)
	private String ruleBaseVersion;

	@Column(nullable = false, updatable = false)
	private String answers;

	@Column(nullable = false, updatable = false)
	private String result;

	@Column(nullable = false)
	private boolean reviewed;

	@Column(name = "reviewed_at")
	private Instant reviewedAt;

	@Column(name = "reviewed_by")
	private String reviewedBy;

	protected KioskScreening() {
	}

	KioskScreening(String referenceCode, Instant screenedAt, Locale language, ScreeningRequest answers,
			ScreeningResult result, Map<String, WordedResult> wording) {
		this.referenceCode = referenceCode;
		this.screenedAt = screenedAt;
		this.language = language.toLanguageTag();
		this.disposition = result.disposition();
		this.completed = result.completed();
		this.ruleBaseVersion = (result.ruleBase() != null) ? result.ruleBase().version() : null;
		this.answers = StoredJson.writeAnswers(answers);
		this.result = StoredJson.writeResult(result, wording);
	}

	void markReviewed(String by, Instant at) {
		if (!this.reviewed) {
			this.reviewed = true;
			this.reviewedBy = by;
			this.reviewedAt = at;
		}
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
