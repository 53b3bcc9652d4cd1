/**
 * A plain driver connection for specs that must act as one database role (privilege tests, or a
 * session whose connection a spec terminates). Everything else goes through the repositories.
 */
export { Client as SqlClient } from 'pg';
