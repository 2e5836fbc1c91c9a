// The register's published language (document service): its integration events and queries.
export {};
