package org.backsafe.kiosk;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Storage on the embedded H2, the default database, through the Flyway migrations. */
@DataJpaTest
@Import({ ReferenceCodes.class, KioskStorage.class, StorageMigrations.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class KioskStorageTests extends StorageChecks {

}
