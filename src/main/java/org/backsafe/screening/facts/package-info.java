/**
 * The facts the rules see. Input facts come from the answers; derived facts are what the deriving
 * rules conclude from them; findings are what the deciding rules state. Rules only insert findings:
 * the fold in {@code org.backsafe.screening.Triage} turns them into a result.
 */
package org.backsafe.screening.facts;
