package org.backsafe.kiosk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Stored kiosk screenings. Only what the kiosk and the staff review need: no general delete. */
interface KioskScreeningRepository extends Repository<KioskScreening, Long> {

	KioskScreening save(KioskScreening screening);

	KioskScreening saveAndFlush(KioskScreening screening);

	Optional<KioskScreening> findByReferenceCode(String referenceCode);

	boolean existsByReferenceCode(String referenceCode);

	List<KioskScreening> findByScreenedAtGreaterThanEqualOrderByScreenedAtDesc(Instant since);

	long count();

	/** How many since the moment, the newest id, and how many of them are reviewed: one small row. */
	@Query("select count(s), max(s.id), sum(case when s.reviewed = true then 1 else 0 end)"
			+ " from KioskScreening s where s.screenedAt >= :since")
	List<Object[]> changeMarkerSince(@Param("since") Instant since);

	@Modifying
	@Query("delete from KioskScreening s where s.screenedAt < :cutoff")
	int deleteScreenedBefore(@Param("cutoff") Instant cutoff);

}
