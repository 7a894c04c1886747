/** The comment of every database the suite makes on a server of one's own: only those are ever dropped. */
export const TEST_DATABASE_MARK = "sourcedesk test database: dropped and remade by npm test";
