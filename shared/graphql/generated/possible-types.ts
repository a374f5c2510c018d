
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "Issuable": [
      "Issue"
    ],
    "User": [
      "UserCore"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "Issuable": [
      "Issue"
    ],
    "User": [
      "UserCore"
    ]
  }
};
      export default result;
    