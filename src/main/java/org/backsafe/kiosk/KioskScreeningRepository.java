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

	@Modifying
	@Query("delete from KioskScreening s where s.screenedAt < :cutoff")
	int deleteScreenedBefore(@Param("cutoff") Instant cutoff);

}
