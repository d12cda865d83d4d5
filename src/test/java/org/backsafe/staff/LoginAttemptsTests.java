package org.backsafe.staff;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The failed-login counts on the embedded H2, the default database. */
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LoginAttemptsTests extends LoginAttemptsChecks {

}
