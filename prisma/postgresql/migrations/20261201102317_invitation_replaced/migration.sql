-- AlterEnum
ALTER TYPE "InvitationStatus" ADD VALUE 'replaced';
