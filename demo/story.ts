// The auto-renewal story, in the order it is told.
import type { DemoStep } from "@/demo/demo-session";
import {
  activateEligibleStep,
  ineligibleReasonsStep,
  lowBalanceBannerStep,
  myCertificatesStep,
  signInStep,
  topUpStep,
} from "@/demo/steps/console-tour";
import {
  elsewhereCustomerStep,
  newcomerBuysStep,
  newcomerIssuedStep,
  newcomerRenewedStep,
  newcomerSignsUpStep,
} from "@/demo/steps/from-zero";
import {
  deductionInBillingStep,
  hostedIssuedStep,
  moveClockStep,
  runJobStep,
  thirdPartyPendingStep,
  thirdPartyValidatedStep,
  updateResourcesStep,
} from "@/demo/steps/renewal-run";
import {
  enrolShortOfFundsStep,
  failedDeductionRunStep,
  refundedStep,
  renewManuallyStep,
  sevenDaysLaterStep,
  terminatedStep,
} from "@/demo/steps/unhappy-paths";

export const STORY: readonly DemoStep[] = [
  signInStep,
  myCertificatesStep,
  activateEligibleStep,
  ineligibleReasonsStep,
  lowBalanceBannerStep,
  topUpStep,
  moveClockStep,
  runJobStep,
  deductionInBillingStep,
  thirdPartyPendingStep,
  hostedIssuedStep,
  updateResourcesStep,
  thirdPartyValidatedStep,
  enrolShortOfFundsStep,
  failedDeductionRunStep,
  terminatedStep,
  renewManuallyStep,
  sevenDaysLaterStep,
  refundedStep,
  // From zero, last: it moves the demo clock a year ahead of the seeded story.
  newcomerSignsUpStep,
  newcomerBuysStep,
  newcomerIssuedStep,
  elsewhereCustomerStep,
  newcomerRenewedStep,
];
