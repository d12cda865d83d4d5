package org.backsafe.kiosk;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Storage on the embedded H2, the default database, through the Flyway migrations. */
@JdbcTest
@Import({ ReferenceCodes.class, KioskStorage.class, StorageMigrations.class, KioskScreeningRepository.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class KioskStorageTests extends StorageChecks {

}
