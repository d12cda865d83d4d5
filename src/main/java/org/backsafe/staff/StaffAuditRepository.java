package org.backsafe.staff;

import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.Repository;

/** The audit log is written and read, never changed. */
interface StaffAuditRepository extends Repository<StaffAudit, Long> {

	StaffAudit save(StaffAudit entry);

	List<StaffAudit> findByScreeningIdAndActionInOrderByOccurredAtDesc(Long screeningId,
			Collection<StaffAudit.Action> actions);

	long count();

}
