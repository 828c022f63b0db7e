-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'VALIDATION_FAILED';
