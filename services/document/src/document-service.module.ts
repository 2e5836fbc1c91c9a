import { Module } from '@nestjs/common';

/**
 * The document service: the register of official numbers (one sequence per issuing agency and
 * year) and, later, the generated documents. So far it hosts its event store and health; the
 * register's commands and the issuance saga arrive with issue #4's next steps.
 */
@Module({})
export class DocumentServiceModule {}
