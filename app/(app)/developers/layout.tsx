/** Developer pages sit in the same personal frame as the account pages. */
export { default } from "../account/layout";
