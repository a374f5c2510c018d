
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "Issuable": [
      "Issue",
      "MergeRequest"
    ],
    "User": [
      "UserCore"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "Issuable": [
      "Issue",
      "MergeRequest"
    ],
    "User": [
      "UserCore"
    ]
  }
};
      export default result;
    